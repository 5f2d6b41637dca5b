package ro.cluj.crt.query.commitment;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.CommitmentTimeline;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.config.ReadResponses;
import ro.cluj.crt.query.config.Readers;
import ro.cluj.crt.query.config.ViewJson;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * A commitment's timeline, public by default: the public sees who acted by role only, logged-in readers also by the
 * account's opaque id. Commitment events hold no personal data.
 */
@RestController
class CommitmentTimelineController {

    private static final TypeReference<Map<String, Object>> CONTENT = new TypeReference<>() { };

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
