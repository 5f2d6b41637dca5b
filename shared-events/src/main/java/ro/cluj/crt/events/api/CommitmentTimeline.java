package ro.cluj.crt.events.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Every event of one commitment, oldest first. */
public record CommitmentTimeline(String commitmentId, List<Entry> entries) {

    /**
     * One step.
     *
     * @param occurredOn when the fact happened, where the event says (a progress report about last March)
     * @param recordedAt when the tracker recorded it
     * @param actorId    the opaque account id of who caused it; shown to logged-in readers only
     * @param content    what the event says, old and new values included where it changes something
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(long sequence, String type, LocalDate occurredOn, Instant recordedAt, String actorRole,
                        String actorId, String reason, Map<String, Object> content) {
    }
}
