package ro.cluj.crt.events.api;

import java.time.Instant;
import java.util.List;

/**
 * A lesson learned as the read API shows it, with the sources it is traced to.
 *
 * @param version          the sequence number of the last event the view reflects (for {@code If-Match})
 * @param status           {@code draft}, {@code published} or {@code withdrawn}; the public sees published ones only
 * @param withdrawalReason present once the lesson is withdrawn
 */
public record LessonView(String lessonId, long version, String status, String title, String text, String field,
                         String lessonClass, List<Source> sources, Instant draftedAt, Instant publishedAt,
                         Instant changedAt, String withdrawalReason) {

    public LessonView {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /**
     * An interview (and measure) a lesson comes from. The public sees the measure's title only where the interview
     * consented to publication, and the organisation only where it consented to be named; {@code withheld} says that
     * something was left out for that reason.
     *
     * @param interviewStatus {@code active} or {@code retracted}; shown to logged-in readers only
     */
    public record Source(String interviewId, String measureId, String measureTitle, String organisationId,
                         String organisationName, boolean withheld, String interviewStatus) {
    }
}
