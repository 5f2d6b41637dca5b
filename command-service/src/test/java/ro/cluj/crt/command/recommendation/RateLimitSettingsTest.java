package ro.cluj.crt.command.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import ro.cluj.crt.support.ratelimit.RateLimit;

class RateLimitSettingsTest {

    @Test
    void defaultsToTenAtOnceThenFivePerMinute() {
        assertThat(new RateLimitSettings(null, null, null, null).limit())
                .isEqualTo(new RateLimit(10, 5, Duration.ofMinutes(1), 100_000));
    }

    @Test
    void refusesSettingsThatCouldNeverLetARequestThrough() {
        assertThatThrownBy(() -> new RateLimitSettings(0, 5, Duration.ofMinutes(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
