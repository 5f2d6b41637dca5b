package ro.cluj.crt.events.commitment;

import java.time.LocalDate;
import ro.cluj.crt.events.EventRevision;
import ro.cluj.crt.events.vocabulary.AssessmentLevel;

/** A monitor assessed how far the commitment was kept, as of {@code reviewedFor}. */
@EventRevision("1")
public record CommitmentReviewed(CommitmentId commitmentId, AssessmentLevel assessment, String note,
                                LocalDate reviewedFor) implements CommitmentEvent {

    @Override
    public LocalDate occurredOn() {
        return reviewedFor;
    }
}
