package ro.cluj.crt.query.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read side's "now", which decides whether a commitment is late today. It honours the same
 * {@code crt.clock.offset} as the command side, so both agree on the date when a rehearsal moves the clock.
 */
@Configuration(proxyBeanMethods = false)
public class QueryClock {

    public static final ZoneId CLUJ = ZoneId.of("Europe/Bucharest");

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${crt.clock.offset:PT0S}") Duration offset) {
        return Clock.offset(Clock.system(CLUJ), offset);
    }

    @Bean
    InitializingBean eventAgesFromClock(Clock clock) {
        // Axon judges how old an event is (and so when it gives up a hole before it) on this static clock; the
        // command side stamps events on its own clock with the same offset, so ages come out as they truly are.
        return () -> GenericEventMessage.clock = clock;
    }
}
