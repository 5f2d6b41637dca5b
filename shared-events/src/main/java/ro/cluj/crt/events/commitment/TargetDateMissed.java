package ro.cluj.crt.events.commitment;

import java.time.LocalDate;
import ro.cluj.crt.events.EventRevision;

/** The tracker itself recorded that the target date passed without the commitment being fulfilled. */
@EventRevision("1")
public record TargetDateMissed(CommitmentId commitmentId, LocalDate targetDate) implements CommitmentEvent {

    @Override
    public LocalDate occurredOn() {
        return targetDate;
    }
}
