package ro.cluj.crt.events.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A commitment in the dashboard's lists: where it stands today and what comes next.
 *
 * @param standing          {@code on-track}, {@code at-risk} or {@code late} while open; else its status
 *                          ({@code fulfilled} or {@code abandoned})
 * @param nextDueDate       the earliest due date not met, while open: a milestone's (open or missed) or the target
 *                          date
 * @param missedMilestones  milestones whose due date passed without being met (and not rescheduled since)
 * @param lastSequence      the sequence number of the last event the row reflects
 */
public record CommitmentSummary(String commitmentId, String title, String field, String kind,
                                String leadOrganisationId, String leadOrganisationName, List<String> coSignerIds,
                                String sessionId, String status, String standing, LocalDate startDate,
                                LocalDate targetDate, LocalDate nextDueDate, int missedMilestones,
                                String progressStatus, Integer percentage, LocalDate progressFor, String assessment,
                                Instant madeAt, Instant changedAt, long lastSequence) {

    public CommitmentSummary {
        coSignerIds = coSignerIds == null ? List.of() : List.copyOf(coSignerIds);
    }
}
