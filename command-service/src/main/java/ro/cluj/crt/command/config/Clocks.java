package ro.cluj.crt.command.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the command side; tests replace it. Dates are judged in Cluj. */
@Configuration(proxyBeanMethods = false)
public class Clocks {

    public static final ZoneId CLUJ = ZoneId.of("Europe/Bucharest");

    /** The system clock, moved by {@code crt.clock.offset} where a test or a rehearsal needs another "now". */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${crt.clock.offset:PT0S}") Duration offset) {
        return Clock.offset(Clock.system(CLUJ), offset);
    }

    @Bean
    InitializingBean eventTimestampsFromClock(Clock clock) {
        // Axon stamps events from a static clock; pointing it at ours keeps event times and rule checks on one time.
        return () -> GenericEventMessage.clock = clock;
    }
}
