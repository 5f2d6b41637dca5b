package ro.cluj.crt.events.commitment;

import java.time.LocalDate;

/** Every event in a commitment's history: the commitment it belongs to, and when the fact happened. */
public interface CommitmentEvent {

    CommitmentId commitmentId();

    /**
     * When the fact happened, where the event says so (a progress report about last March); empty when it happened
     * when it was recorded.
     */
    default LocalDate occurredOn() {
        return null;
    }
}
