package ro.cluj.crt.query.session;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.Page;
import ro.cluj.crt.events.api.SessionSummary;
import ro.cluj.crt.events.api.SessionView;
import ro.cluj.crt.query.config.ViewJson;

/**
 * Reads working sessions from the process view. Organisation names come from the catalogue and commitment titles from
 * the commitment dashboard, joined when read. The public sees scheduled and held sessions, and of their linked lessons
 * the published ones; sessions hold no personal data, so nothing else is withheld.
 */
@Component
public class SessionQueries {

    private static final String PUBLIC_SESSIONS = "status IN ('scheduled', 'held')";
    private static final String DAY = "coalesce(held_on, session_date)";

    private final JdbcTemplate jdbc;

    public SessionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a list may be narrowed to; each part is null when not asked for; {@code from} and {@code to} included. */
    public record Filter(String status, LocalDate from, LocalDate to) {
    }

    public Page<SessionSummary> sessions(Filter filter, int page, int size, boolean everything) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        if (!everything) {
            conditions.add(PUBLIC_SESSIONS);
        }
        if (filter.status() != null) {
            conditions.add("status = ?");
            arguments.add(filter.status());
        }
        if (filter.from() != null) {
            conditions.add(DAY + " >= ?");
            arguments.add(filter.from());
        }
        if (filter.to() != null) {
            conditions.add(DAY + " <= ?");
            arguments.add(filter.to());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.queryForObject("SELECT count(*) FROM working_session s" + where, Long.class,
                arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(size);
        paged.add((long) page * size);
        List<SessionSummary> items = jdbc.query("""
                SELECT s.*,
                       (SELECT count(*) FROM session_participant p WHERE p.session_id = s.session_id) AS participants,
                       (SELECT count(*) FROM session_outcome o WHERE o.session_id = s.session_id) AS outcomes
                FROM working_session s""" + where + " ORDER BY " + DAY + " DESC, s.session_id LIMIT ? OFFSET ?",
                (row, i) -> new SessionSummary(row.getString("session_id"), row.getLong("last_sequence"),
                        row.getString("status"), row.getString("topic"), row.getObject("session_date", LocalDate.class),
                        row.getString("place"), row.getString("link"), row.getObject("held_on", LocalDate.class),
                        row.getInt("participants"), row.getInt("outcomes")),
                paged.toArray());
        return new Page<>(items, page, size, total);
    }

    public Optional<SessionView> session(String sessionId, boolean everything) {
        String visible = everything ? "" : " AND " + PUBLIC_SESSIONS;
        return jdbc.query("SELECT * FROM working_session WHERE session_id = ?" + visible,
                (row, i) -> view(row, everything), sessionId).stream().findFirst();
    }

    private SessionView view(ResultSet row, boolean everything) throws SQLException {
        String id = row.getString("session_id");
        List<String> lessonIds = ViewJson.read(row.getString("lesson_ids"), new TypeReference<List<String>>() { });
        return new SessionView(id, row.getLong("last_sequence"), row.getString("status"), row.getString("topic"),
                row.getObject("session_date", LocalDate.class), row.getString("place"), row.getString("link"),
                row.getObject("held_on", LocalDate.class), lessons(lessonIds, everything), participants(id),
                outcomes(id), everything ? row.getString("cancellation_reason") : null,
                instant(row, "scheduled_at"), instant(row, "changed_at"));
    }

    /** The linked lessons in the order they were linked; the public sees published ones only. */
    private List<SessionView.LinkedLesson> lessons(List<String> lessonIds, boolean everything) {
        List<SessionView.LinkedLesson> lessons = new ArrayList<>();
        for (String lessonId : lessonIds) {
            jdbc.query("SELECT title, status FROM lesson WHERE lesson_id = ?", row -> {
                if (everything || row.getString("status").equals("published")) {
                    lessons.add(new SessionView.LinkedLesson(lessonId, row.getString("title"),
                            row.getString("status")));
                }
            }, lessonId);
        }
        return lessons;
    }

    private List<SessionView.Participant> participants(String sessionId) {
        return jdbc.query("""
                SELECT p.participant_id, p.organisation_id, o.name, p.role, p.position_title
                FROM session_participant p LEFT JOIN organisation o ON o.organisation_id = p.organisation_id
                WHERE p.session_id = ? ORDER BY p.registered_seq, p.participant_id""",
                (row, i) -> new SessionView.Participant(row.getString("participant_id"),
                        row.getString("organisation_id"), row.getString("name"), row.getString("role"),
                        row.getString("position_title")), sessionId);
    }

    private SessionView.Outcomes outcomes(String sessionId) {
        List<String> recommendations = new ArrayList<>();
        List<SessionView.SupportNeed> needs = new ArrayList<>();
        List<SessionView.Volunteer> volunteers = new ArrayList<>();
        List<SessionView.LinkedCommitment> commitments = new ArrayList<>();
        jdbc.query("""
                SELECT x.kind, x.text, x.support_kind, x.organisation_id, o.name, x.field, x.commitment_id,
                       d.title AS commitment_title
                FROM session_outcome x
                LEFT JOIN organisation o ON o.organisation_id = x.organisation_id
                LEFT JOIN commitment_dashboard d ON d.commitment_id = x.commitment_id
                WHERE x.session_id = ? ORDER BY x.sequence_number, x.position""", row -> {
            switch (row.getString("kind")) {
                case "recommendation" -> recommendations.add(row.getString("text"));
                case "support-need" -> needs.add(new SessionView.SupportNeed(row.getString("support_kind"),
                        row.getString("text")));
                case "volunteered-support" -> volunteers.add(new SessionView.Volunteer(
                        row.getString("organisation_id"), row.getString("name"), row.getString("field"),
                        row.getString("text")));
                default -> commitments.add(new SessionView.LinkedCommitment(row.getString("commitment_id"),
                        row.getString("commitment_title")));
            }
        }, sessionId);
        return new SessionView.Outcomes(recommendations, needs, volunteers, commitments);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
