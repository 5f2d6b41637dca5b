package ro.cluj.crt.command.recommendation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import ro.cluj.crt.support.ratelimit.RateLimit;

/**
 * How many recommendations one client (one remote address) may send: up to {@code burst} at once, then
 * {@code requests} per {@code period}. At most {@code maxClients} clients are remembered; the least recently seen are
 * forgotten first, which gives them a full bucket again.
 */
@ConfigurationProperties("crt.recommendations.rate-limit")
public record RateLimitSettings(Integer burst, Integer requests, Duration period, Integer maxClients) {

    public RateLimitSettings {
        burst = burst == null ? 10 : burst;
        requests = requests == null ? 5 : requests;
        period = period == null ? Duration.ofMinutes(1) : period;
        maxClients = maxClients == null ? 100_000 : maxClients;
        new RateLimit(burst, requests, period, maxClients);
    }

    RateLimit limit() {
        return new RateLimit(burst, requests, period, maxClients);
    }
}
