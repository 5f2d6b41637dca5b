package ro.cluj.crt.support.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What operators see of a service beside its API: the event processors' health indicator ({@code eventProcessors}
 * under {@code /actuator/health}), their position gauges, and the correlation id in the log lines of event handlers.
 */
@Configuration(proxyBeanMethods = false)
public class Operations {

    @Bean
    ProcessorStates processorStates(EventProcessingConfiguration processing, EventStore events) {
        return new ProcessorStates(processing, events);
    }

    @Bean
    EventProcessorsHealth eventProcessorsHealthIndicator(ProcessorStates states) {
        return new EventProcessorsHealth(states);
    }

    /** Once the processors exist, a gauge per processor. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> processorGauges(MeterRegistry registry, ProcessorStates states,
                                                               EventProcessingConfiguration processing) {
        return ready -> ProcessorMetrics.register(registry, states, processing);
    }

    @Bean
    ConfigurerModule correlationIdsInHandlers() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, name) -> new CorrelationIdsInHandlers());
    }
}
