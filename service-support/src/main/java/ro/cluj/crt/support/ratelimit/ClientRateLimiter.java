package ro.cluj.crt.support.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * A token bucket per client (Bucket4j), kept in a bounded cache (Caffeine) so that a flood of distinct clients cannot
 * exhaust memory. A client's bucket is dropped once unused for as long as it takes to fill up, so dropping it never
 * grants more than waiting would have.
 */
public class ClientRateLimiter {

    private final RateLimit settings;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    public ClientRateLimiter(RateLimit settings) {
        this(settings, TimeMeter.SYSTEM_NANOTIME, Ticker.systemTicker());
    }

    /** With the clocks given, for tests; {@code time} and {@code ticker} must tell the same time. */
    ClientRateLimiter(RateLimit settings, TimeMeter time, Ticker ticker) {
        this.settings = settings;
        this.time = time;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.maxClients())
                .expireAfterAccess(settings.timeToFill())
                .ticker(ticker)
                .build();
    }

    /** Takes one request from the client's bucket. */
    public Decision tryAcquire(String client) {
        ConsumptionProbe probe = buckets.get(client, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, probe.getRemainingTokens(), Duration.ZERO);
        }
        return new Decision(false, 0, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Whether the client could take one request now, without taking it: for limits that count failures only, which
     * are taken with {@link #tryAcquire} once the request failed.
     */
    public Decision check(String client) {
        Bucket bucket = buckets.getIfPresent(client);
        if (bucket == null) {
            return new Decision(true, settings.burst(), Duration.ZERO);
        }
        EstimationProbe estimate = bucket.estimateAbilityToConsume(1);
        if (estimate.canBeConsumed()) {
            return new Decision(true, bucket.getAvailableTokens(), Duration.ZERO);
        }
        return new Decision(false, 0, Duration.ofNanos(estimate.getNanosToWaitForRefill()));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(settings.burst())
                        .refillGreedy(settings.requests(), settings.period()))
                .withCustomTimePrecision(time)
                .build();
    }

    /**
     * @param remaining  how many more requests the client may send right now
     * @param retryAfter when refused, how long until the next request would be let through
     */
    public record Decision(boolean allowed, long remaining, Duration retryAfter) {

        /** {@code retryAfter} in whole seconds, rounded up, at least 1: the value of a {@code Retry-After} header. */
        public long retryAfterSeconds() {
            long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
            return Math.max(1, seconds);
        }
    }
}
