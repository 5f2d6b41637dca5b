package ro.cluj.crt.events.commitment;

import java.time.LocalDate;
import ro.cluj.crt.events.EventRevision;

/** The tracker itself recorded that a milestone's due date passed without it being achieved. */
@EventRevision("1")
public record MilestoneMissed(CommitmentId commitmentId, String milestoneId, LocalDate dueDate)
        implements CommitmentEvent {

    @Override
    public LocalDate occurredOn() {
        return dueDate;
    }
}
