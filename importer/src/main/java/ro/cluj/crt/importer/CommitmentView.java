package ro.cluj.crt.importer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * Where a commitment stands, as the query service shows it: the parts an import may change, its status
 * ({@code open}, {@code fulfilled} or {@code abandoned}), its latest progress report and its version (the sequence
 * number of its last event, for {@code If-Match}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CommitmentView(String status, String title, String description, String field, LocalDate startDate,
                      LocalDate targetDate, Progress latestProgress, long lastSequence) {

    boolean open() {
        return "open".equals(status);
    }

    Integer percentage() {
        return latestProgress == null ? null : latestProgress.percentage();
    }

    String progressStatus() {
        return latestProgress == null ? null : latestProgress.status();
    }

    /** A commitment just made with this body, at this version. */
    static CommitmentView made(Bodies.Commitment commitment, long version) {
        return new CommitmentView("open", commitment.title(), commitment.description(), commitment.field().code(),
                commitment.startDate(), commitment.targetDate(), null, version);
    }

    /** The latest progress report. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Progress(String status, Integer percentage) {
    }
}
