package ro.cluj.crt.query.commitment;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.CommitmentState;
import ro.cluj.crt.events.api.CommitmentTimeline;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.config.ReadResponses;
import ro.cluj.crt.query.config.Readers;
import ro.cluj.crt.query.config.ViewJson;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * A commitment's timeline, public by default: the public sees who acted by role only, logged-in readers also by the
 * account's opaque id. Commitment events hold no personal data.
 */
@RestController
class CommitmentTimelineController {

    private static final TypeReference<Map<String, Object>> CONTENT = new TypeReference<>() { };
    private static final ZoneId CLUJ = ZoneId.of("Europe/Bucharest");

    private final JdbcTemplate jdbc;
    private final ProjectionPositions positions;

    CommitmentTimelineController(JdbcTemplate jdbc, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @GetMapping("/api/commitments/{commitmentId}/timeline")
    ResponseEntity<CommitmentTimeline> timeline(@PathVariable String commitmentId,
                                                @RequestParam(required = false) Long minPosition) {
        boolean showAccounts = Readers.seesEverything();
        return ReadResponses.at(positions.read(CommitmentTimelineProjection.PROCESSING_GROUP, minPosition,
                () -> entries(commitmentId, showAccounts))
                .map(entries -> {
                    if (entries.isEmpty()) {
                        throw new NotFoundException("no commitment with this id");
                    }
                    return new CommitmentTimeline(commitmentId, entries);
                }));
    }

    /**
     * Where a commitment stands: now, or as of {@code asOf} (an instant, or a date meaning the end of that day in
     * Cluj) on the {@code recorded} line (what the tracker showed then) or the {@code happened} line (what had
     * happened by then, as the tracker knows it now: a report recorded later about an earlier date counts).
     */
    @GetMapping("/api/commitments/{commitmentId}")
    ResponseEntity<CommitmentState> state(@PathVariable String commitmentId,
                                          @RequestParam(required = false) String asOf,
                                          @RequestParam(defaultValue = "recorded") String line,
                                          @RequestParam(required = false) Long minPosition) {
        Instant moment = asOf == null ? Instant.now() : moment(asOf);
        LocalDate day = moment.atZone(CLUJ).toLocalDate();
        if (!line.equals("recorded") && !line.equals("happened")) {
            throw new InvalidRequestException("line", "must be recorded or happened");
        }
        return ReadResponses.at(positions.read(CommitmentTimelineProjection.PROCESSING_GROUP, minPosition,
                () -> line.equals("recorded") ? recordedBy(commitmentId, moment) : happenedBy(commitmentId, day))
                .map(found -> {
                    if (found.stream().noneMatch(step -> step.type().equals("CommitmentMade"))) {
                        throw new NotFoundException("no commitment with this id at that time");
                    }
                    return CommitmentStates.fold(commitmentId, found, day, line.equals("happened"));
                }));
    }

    private List<CommitmentStates.Step> recordedBy(String commitmentId, Instant moment) {
        return jdbc.query("""
                SELECT event_type, sequence_number, content FROM commitment_timeline
                WHERE commitment_id = ? AND recorded_at <= ? ORDER BY sequence_number""",
                CommitmentTimelineController::step, commitmentId, moment.atOffset(ZoneOffset.UTC));
    }

    private List<CommitmentStates.Step> happenedBy(String commitmentId, LocalDate day) {
        return jdbc.query("""
                SELECT event_type, sequence_number, content FROM commitment_timeline
                WHERE commitment_id = ?
                  AND coalesce(occurred_on, (recorded_at AT TIME ZONE 'Europe/Bucharest')::date) <= ?
                ORDER BY sequence_number""",
                CommitmentTimelineController::step, commitmentId, day);
    }

    private static CommitmentStates.Step step(ResultSet row, int rowNumber) throws SQLException {
        return new CommitmentStates.Step(row.getString("event_type"), row.getLong("sequence_number"),
                ViewJson.read(row.getString("content"), CONTENT));
    }

    private static Instant moment(String asOf) {
        try {
            return asOf.length() == 10 ? LocalDate.parse(asOf).plusDays(1).atStartOfDay(CLUJ).toInstant().minusNanos(1)
                    : Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("asOf", "must be a date (yyyy-mm-dd) or an instant in UTC");
        }
    }

    private List<CommitmentTimeline.Entry> entries(String commitmentId, boolean showAccounts) {
        return jdbc.query("SELECT * FROM commitment_timeline WHERE commitment_id = ? ORDER BY sequence_number",
                (row, i) -> entry(row, showAccounts), commitmentId);
    }

    private static CommitmentTimeline.Entry entry(ResultSet row, boolean showAccounts) throws SQLException {
        Map<String, Object> content = ViewJson.read(row.getString("content"), CONTENT);
        content.remove("commitmentId");
        return new CommitmentTimeline.Entry(row.getLong("sequence_number"), row.getString("event_type"),
                row.getObject("occurred_on", LocalDate.class),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(), row.getString("actor_role"),
                showAccounts ? row.getString("actor_id") : null, row.getString("reason"), content);
    }
}
