package ro.cluj.crt.query.commitment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.CommitmentTimeline;
import ro.cluj.crt.query.config.ViewDocument;

/** Reads a commitment's timeline from its view, oldest step first. */
@Component
class TimelineQueries {

    private final JdbcTemplate jdbc;

    TimelineQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param showAccounts whether to name the account behind each step (logged-in readers only) */
    List<CommitmentTimeline.Entry> entries(String commitmentId, boolean showAccounts) {
        return jdbc.query("""
                SELECT sequence_number, event_type, occurred_on, recorded_at, actor_role, actor_id, reason, content
                FROM commitment_timeline WHERE commitment_id = ? ORDER BY sequence_number""",
                (row, i) -> entry(row, showAccounts), commitmentId);
    }

    /** The content stays stored text until someone looks inside: a response copies it without parsing. */
    private static CommitmentTimeline.Entry entry(ResultSet row, boolean showAccounts) throws SQLException {
        return new CommitmentTimeline.Entry(row.getLong(1), row.getString(2), row.getObject(3, LocalDate.class),
                row.getObject(4, OffsetDateTime.class).toInstant(), row.getString(5),
                showAccounts ? row.getString(6) : null, row.getString(7),
                ViewDocument.of(row.getString(8), "commitmentId"));
    }
}
