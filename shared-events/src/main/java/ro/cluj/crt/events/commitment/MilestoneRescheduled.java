package ro.cluj.crt.events.commitment;

import java.time.LocalDate;
import ro.cluj.crt.events.EventRevision;

/** Staff moved a milestone's due date; the old date stays in the history. */
@EventRevision("1")
public record MilestoneRescheduled(CommitmentId commitmentId, String milestoneId, LocalDate previousDueDate,
                                   LocalDate dueDate, String reason) implements CommitmentEvent {
}
