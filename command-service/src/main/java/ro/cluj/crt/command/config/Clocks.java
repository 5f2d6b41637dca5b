package ro.cluj.crt.command.config;

import java.time.Clock;
import java.time.ZoneId;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the command side; tests replace it. Dates are judged in Cluj. */
@Configuration(proxyBeanMethods = false)
public class Clocks {

    public static final ZoneId CLUJ = ZoneId.of("Europe/Bucharest");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(CLUJ);
    }

    @Bean
    InitializingBean eventTimestampsFromClock(Clock clock) {
        // Axon stamps events from a static clock; pointing it at ours keeps event times and rule checks on one time.
        return () -> GenericEventMessage.clock = clock;
    }
}
