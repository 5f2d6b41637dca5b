package ro.cluj.crt.query.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import ro.cluj.crt.support.ratelimit.ClientRateLimitFilter;
import ro.cluj.crt.support.ratelimit.ClientRateLimiter;
import ro.cluj.crt.support.ratelimit.RateLimit;
import ro.cluj.crt.support.security.Actor;

/**
 * Limits how many requests one client may send to the read API without logging in; logged-in readers are not
 * limited. Runs after Spring Security, so that it knows who is logged in.
 */
class PublicReadRateLimit extends ClientRateLimitFilter {

    PublicReadRateLimit(ClientRateLimiter limiter, ObjectMapper json) {
        super(limiter, json, "too many requests from this client (or log in)");
    }

    /**
     * Up to {@code burst} requests at once, then {@code requests} per {@code period}, per client address; at most
     * {@code maxClients} addresses remembered.
     */
    @ConfigurationProperties("crt.query.public-rate-limit")
    record Settings(Integer burst, Integer requests, Duration period, Integer maxClients) {

        Settings {
            burst = burst == null ? 600 : burst;
            requests = requests == null ? 300 : requests;
            period = period == null ? Duration.ofMinutes(1) : period;
            maxClients = maxClients == null ? 100_000 : maxClients;
            new RateLimit(burst, requests, period, maxClients);
        }

        RateLimit limit() {
            return new RateLimit(burst, requests, period, maxClients);
        }
    }

    @Override
    protected boolean counts(HttpServletRequest request) {
        return Actor.current().isEmpty();
    }
}
