package ro.cluj.crt.support.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the event processors: down while any of them is in error (its batches fail and are retried, so its view
 * falls behind), with each processor's state and how far it is behind the head of the event store.
 */
final class EventProcessorsHealth extends AbstractHealthIndicator {

    private final ProcessorStates states;

    EventProcessorsHealth(ProcessorStates states) {
        super("event processor state could not be read");
        this.states = states;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        long head = states.head();
        Map<String, Object> processors = new LinkedHashMap<>();
        boolean failing = false;
        for (var entry : states.all().entrySet()) {
            ProcessorStates.ProcessorState state = entry.getValue();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", state.running());
            details.put("error", state.failing());
            if (state.claimedSegments() > 0) {
                details.put("claimedSegments", state.claimedSegments());
                details.put("failingSegments", state.failingSegments());
            }
            state.position().ifPresent(position -> {
                details.put("position", position);
                details.put("behind", Math.max(0, head - position));
            });
            processors.put(entry.getKey(), details);
            failing |= state.failing();
        }
        (failing ? health.down() : health.up()).withDetail("head", head).withDetail("processors", processors);
    }
}
