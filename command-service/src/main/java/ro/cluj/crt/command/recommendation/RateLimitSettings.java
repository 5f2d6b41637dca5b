package ro.cluj.crt.command.recommendation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
        if (burst < 1 || requests < 1 || maxClients < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("crt.recommendations.rate-limit: burst, requests and max-clients must "
                    + "be at least 1 and period positive");
        }
    }

    /** How long an unused client's bucket takes to fill up from empty: after that, forgetting it changes nothing. */
    Duration timeToFill() {
        return period.multipliedBy(burst).dividedBy(requests).plusSeconds(1);
    }
}
