package ro.cluj.crt.events.commitment;

import java.time.LocalDate;
import java.util.List;
import ro.cluj.crt.events.EventRevision;

/** A milestone was reached, on {@code achievedOn}, with the evidence given. */
@EventRevision("1")
public record MilestoneAchieved(CommitmentId commitmentId, String milestoneId, LocalDate achievedOn,
                                List<String> evidence) implements CommitmentEvent {

    @Override
    public LocalDate occurredOn() {
        return achievedOn;
    }
}
