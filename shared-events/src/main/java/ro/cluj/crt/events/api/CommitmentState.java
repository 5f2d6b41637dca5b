package ro.cluj.crt.events.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a commitment stands: now, or as of a past moment on either time line ({@code recorded}: what the tracker
 * showed then; {@code happened}: what had happened by then, as the tracker knows it now).
 *
 * @param sessionId    the working session it was made at, when known
 * @param lessonIds    the lessons it answers
 * @param late         open, and past its target date or a milestone's due date without meeting it
 * @param lastSequence the sequence number of the last event the state reflects
 */
public record CommitmentState(String commitmentId, String status, String title, String description, String field,
                              String kind, String leadOrganisationId, List<String> coSignerIds, String sessionId,
                              List<String> lessonIds, LocalDate startDate, LocalDate targetDate,
                              List<MilestoneState> milestones, Progress latestProgress, Review latestReview,
                              boolean late, long lastSequence) {

    public CommitmentState {
        coSignerIds = coSignerIds == null ? List.of() : List.copyOf(coSignerIds);
        lessonIds = lessonIds == null ? List.of() : List.copyOf(lessonIds);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** @param status {@code open}, {@code achieved} or {@code missed} */
    public record MilestoneState(String milestoneId, String title, LocalDate dueDate, String status,
                                 LocalDate achievedOn) {
    }

    public record Progress(String status, Integer percentage, LocalDate reportedFor, String note) {
    }

    public record Review(String assessment, LocalDate reviewedFor, String note) {
    }
}
