package ro.cluj.crt.support.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Rate limit per client")
class ClientRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TimeMeter time = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    private ClientRateLimiter limiter(int burst, int requests, Duration period, int maxClients) {
        return new ClientRateLimiter(new RateLimit(burst, requests, period, maxClients), time, nanos::get);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void letsABurstThroughThenRefusesWithTheTimeToTheNextToken() {
        ClientRateLimiter limiter = limiter(3, 5, Duration.ofMinutes(1), 100);

        assertThat(limiter.tryAcquire("10.0.0.1").remaining()).isEqualTo(2);
        assertThat(limiter.tryAcquire("10.0.0.1").remaining()).isEqualTo(1);
        assertThat(limiter.tryAcquire("10.0.0.1").remaining()).isZero();
        ClientRateLimiter.Decision refused = limiter.tryAcquire("10.0.0.1");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(refused.retryAfterSeconds()).isEqualTo(12);
    }

    @Test
    void refillsAtTheConfiguredRateAndNeverBeyondTheBurst() {
        ClientRateLimiter limiter = limiter(2, 5, Duration.ofMinutes(1), 100);
        limiter.tryAcquire("a");
        limiter.tryAcquire("a");
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();

        advance(Duration.ofSeconds(11));
        assertThat(limiter.tryAcquire("a").allowed()).as("12 s per request").isFalse();
        advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();

        advance(Duration.ofHours(5));
        assertThat(limiter.tryAcquire("a").remaining()).as("a full bucket holds the burst only").isEqualTo(1);
    }

    @Test
    void keepsEachClientApart() {
        ClientRateLimiter limiter = limiter(1, 1, Duration.ofMinutes(1), 100);

        assertThat(limiter.tryAcquire("192.0.2.1").allowed()).isTrue();
        assertThat(limiter.tryAcquire("192.0.2.1").allowed()).isFalse();
        assertThat(limiter.tryAcquire("192.0.2.2").allowed()).isTrue();
        assertThat(limiter.tryAcquire("2001:db8::1").allowed()).isTrue();
    }

    @Test
    void forgettingAnIdleClientGrantsNoMoreThanWaitingWould() {
        ClientRateLimiter limiter = limiter(2, 1, Duration.ofMinutes(1), 100);
        limiter.tryAcquire("a");
        limiter.tryAcquire("a");

        advance(Duration.ofSeconds(59));
        assertThat(limiter.tryAcquire("a").allowed()).as("still remembered, still empty").isFalse();
        advance(Duration.ofMinutes(3));
        assertThat(limiter.tryAcquire("a").remaining()).isEqualTo(1);
    }

    @Test
    void roundsAWaitUpToWholeSecondsAndNeverAnswersZero() {
        assertThat(new ClientRateLimiter.Decision(false, 0, Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new ClientRateLimiter.Decision(false, 0, Duration.ofMillis(2_001)).retryAfterSeconds())
                .isEqualTo(3);
        assertThat(new ClientRateLimiter.Decision(false, 0, Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void checksWithoutTakingAndRefusesOnceTheFailuresAreUsedUp() {
        ClientRateLimiter limiter = limiter(2, 1, Duration.ofMinutes(1), 100);

        assertThat(limiter.check("a").allowed()).isTrue();
        assertThat(limiter.check("a").allowed()).as("checking takes nothing").isTrue();
        limiter.tryAcquire("a");
        limiter.tryAcquire("a");
        ClientRateLimiter.Decision refused = limiter.check("a");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        advance(Duration.ofMinutes(1));
        assertThat(limiter.check("a").allowed()).isTrue();
    }

    @Test
    void refusesSettingsThatCouldNeverLetARequestThrough() {
        assertThatThrownBy(() -> new RateLimit(0, 5, Duration.ofMinutes(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(5, 5, Duration.ZERO, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(5, 5, null, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
