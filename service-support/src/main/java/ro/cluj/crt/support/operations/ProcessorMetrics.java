package ro.cluj.crt.support.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;

/**
 * Gauges that Axon's Micrometer module lacks: the head of the event store, and each streaming processor's position,
 * how many positions it is behind the head, its failing segments and the events parked in its dead-letter queue.
 */
final class ProcessorMetrics {

    private ProcessorMetrics() {
    }

    static void register(MeterRegistry registry, ProcessorStates states, EventProcessingConfiguration processing) {
        Gauge.builder("crt.event.store.head", states, ProcessorStates::head)
                .description("global index of the newest stored event")
                .register(registry);
        processing.eventProcessors().forEach((name, processor) -> {
            gauge(registry, "crt.processor.position", "lowest position of the segments this instance processes",
                    name, processor, states, state -> state.position().orElse(-1));
            gauge(registry, "crt.processor.behind", "events stored beyond the processor's position",
                    name, processor, states, state -> state.position().isEmpty() ? 0
                            : Math.max(0, states.head() - state.position().getAsLong()));
            processing.deadLetterQueue(name).ifPresent(queue ->
                    Gauge.builder("crt.processor.dead.letters", queue, letters -> letters.size())
                            .description("events parked in the processor's dead-letter queue")
                            .tag("processorName", name)
                            .register(registry));
            gauge(registry, "crt.processor.failing.segments", "segments in error, whose batches are retried",
                    name, processor, states, state -> state.error() ? Math.max(1, state.failingSegments())
                            : state.failingSegments());
        });
    }

    private static void gauge(MeterRegistry registry, String metric, String description, String name,
                              EventProcessor processor, ProcessorStates states,
                              ToDoubleFunction<ProcessorStates.ProcessorState> value) {
        Gauge.builder(metric, processor, p -> value.applyAsDouble(states.stateOf(p)))
                .description(description)
                .tag("processorName", name)
                .register(registry);
    }
}
