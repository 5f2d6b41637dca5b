package ro.cluj.crt.query.commitment;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.CommitmentTimeline;
import ro.cluj.crt.query.config.ViewJson;

/** Reads a commitment's timeline from its view, oldest step first. */
@Component
class TimelineQueries {

    private static final TypeReference<Map<String, Object>> CONTENT = new TypeReference<>() { };

    private final JdbcTemplate jdbc;

    TimelineQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param showAccounts whether to name the account behind each step (logged-in readers only) */
    List<CommitmentTimeline.Entry> entries(String commitmentId, boolean showAccounts) {
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
