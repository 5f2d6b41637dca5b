package ro.cluj.crt.support.ratelimit;

import java.time.Duration;

/**
 * How much one client may do: up to {@code burst} at once, then {@code requests} per {@code period}. At most
 * {@code maxClients} clients are remembered; the least recently seen are forgotten first, which gives them a full
 * bucket again.
 */
public record RateLimit(int burst, int requests, Duration period, int maxClients) {

    public RateLimit {
        if (burst < 1 || requests < 1 || maxClients < 1 || period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs burst, requests and max-clients of at least 1 and "
                    + "a positive period");
        }
    }

    /** How long an unused client's bucket takes to fill up from empty: after that, forgetting it changes nothing. */
    Duration timeToFill() {
        return period.multipliedBy(burst).dividedBy(requests).plusSeconds(1);
    }
}
