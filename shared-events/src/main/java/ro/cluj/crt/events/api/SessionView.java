package ro.cluj.crt.events.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A working session with its linked lessons, participants and outcomes. It holds no personal data: participants are
 * organisations, in a role and a position ("deputy mayor"), never named people.
 *
 * @param version            the sequence number of the last event the view reflects (for {@code If-Match})
 * @param lessons            the linked lessons; the public sees the published ones only
 * @param cancellationReason present once the session is cancelled (which only logged-in readers see)
 */
public record SessionView(String sessionId, long version, String status, String topic, LocalDate date,
                          String place, String link, LocalDate heldOn, List<LinkedLesson> lessons,
                          List<Participant> participants, Outcomes outcomes, String cancellationReason,
                          Instant scheduledAt, Instant changedAt) {

    public record LinkedLesson(String lessonId, String title, String status) {
    }

    public record Participant(String participantId, String organisationId, String organisationName, String role,
                              String positionTitle) {
    }

    /** Everything recorded as outcomes, in the order recorded. */
    public record Outcomes(List<String> recommendations, List<SupportNeed> supportNeeds,
                           List<Volunteer> volunteeredSupport, List<LinkedCommitment> commitments) {
    }

    public record SupportNeed(String kind, String note) {
    }

    public record Volunteer(String organisationId, String organisationName, String field, String note) {
    }

    /** A commitment made at the session; its title comes from the commitment dashboard, absent until it shows. */
    public record LinkedCommitment(String commitmentId, String title) {
    }
}
