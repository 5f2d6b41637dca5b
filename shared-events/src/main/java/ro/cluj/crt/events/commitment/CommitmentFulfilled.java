package ro.cluj.crt.events.commitment;

import java.time.LocalDate;
import java.util.List;
import ro.cluj.crt.events.EventRevision;

/** The commitment was kept, on {@code fulfilledOn}. */
@EventRevision("1")
public record CommitmentFulfilled(CommitmentId commitmentId, LocalDate fulfilledOn, String note,
                                  List<String> evidence) implements CommitmentEvent {

    @Override
    public LocalDate occurredOn() {
        return fulfilledOn;
    }
}
