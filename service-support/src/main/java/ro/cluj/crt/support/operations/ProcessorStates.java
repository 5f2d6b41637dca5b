package ro.cluj.crt.support.operations;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Where each event processor of this service stands: running, in error, and its position against the head. */
final class ProcessorStates {

    private final EventProcessingConfiguration processing;
    private final EventStore events;

    ProcessorStates(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    /** The global index of the newest event in the store, -1 when it is empty. */
    long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** Every processor of this service by name, in name order. */
    Map<String, ProcessorState> all() {
        Map<String, ProcessorState> states = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> states.put(name, stateOf(processor)));
        return states;
    }

    ProcessorState stateOf(EventProcessor processor) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorState(processor.isRunning(), processor.isError(), 0, 0, OptionalLong.empty());
        }
        Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
        int failing = (int) segments.values().stream().filter(EventTrackerStatus::isErrorState).count();
        OptionalLong position = segments.isEmpty() ? OptionalLong.empty() : segments.values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1))
                .min();
        return new ProcessorState(processor.isRunning(), processor.isError(), segments.size(), failing, position);
    }

    /**
     * One processor's state.
     *
     * @param claimedSegments the segments this instance processes (a pooled processor shares them between instances)
     * @param failingSegments of those, the ones in error (retrying)
     * @param position        the lowest position of its claimed segments; empty for a subscribing processor, which
     *                        handles events as they are stored, and for one that claims no segment here
     */
    record ProcessorState(boolean running, boolean error, int claimedSegments, int failingSegments,
                          OptionalLong position) {

        boolean failing() {
            return error || failingSegments > 0;
        }
    }
}
