package ro.cluj.crt.events.commitment;

import java.time.LocalDate;
import java.util.List;
import ro.cluj.crt.events.EventRevision;
import ro.cluj.crt.events.vocabulary.ProgressStatus;

/** A monitor reported progress as it stood on {@code reportedFor} (when it happened, not when it was recorded). */
@EventRevision("1")
public record ProgressReported(CommitmentId commitmentId, ProgressStatus status, Integer percentage, String note,
                               List<String> evidence, LocalDate reportedFor, String reason) implements CommitmentEvent {

    @Override
    public LocalDate occurredOn() {
        return reportedFor;
    }
}
