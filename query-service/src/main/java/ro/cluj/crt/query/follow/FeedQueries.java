package ro.cluj.crt.query.follow;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.query.config.ViewJson;

/**
 * What the feeds show, read from the commitment views and the catalogue with the public's rules: commitments are
 * public records; an organisation's interviews only while active with consent "publish", as in its public profile.
 * Each commitment change carries its event's identifier, read from the event store by (aggregate, sequence).
 */
@Component
class FeedQueries {

    private static final TypeReference<Map<String, Object>> CONTENT = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final String eventSchema;

    FeedQueries(JdbcTemplate jdbc, @Value("${crt.event-store.schema}") String eventSchema) {
        this.jdbc = jdbc;
        this.eventSchema = eventSchema;
    }

    /** One item of a feed: a commitment's change, or an organisation's published interview. */
    record Item(String kind, String subjectId, String subjectTitle, long sequenceNumber, String eventType,
                LocalDate occurredOn, Instant updated, Instant published, String actorRole, String reason,
                Map<String, Object> content, String eventId) {
    }

    Optional<String> commitmentTitle(String commitmentId) {
        return jdbc.queryForList("SELECT title FROM commitment_dashboard WHERE commitment_id = ?", String.class,
                commitmentId).stream().findFirst();
    }

    /** The commitment's changes, newest first. */
    List<Item> commitmentChanges(String commitmentId, String title, int limit, long offset) {
        return jdbc.query("""
                SELECT 'commitment' AS kind, t.commitment_id AS subject_id, ? AS subject_title, t.sequence_number,
                       t.event_type, t.occurred_on, t.recorded_at AS updated, t.recorded_at AS published,
                       t.actor_role, t.reason, t.content, e.event_identifier
                FROM commitment_timeline t
                LEFT JOIN %s.domain_event_entry e
                       ON e.aggregate_identifier = t.commitment_id AND e.sequence_number = t.sequence_number
                WHERE t.commitment_id = ?
                ORDER BY t.sequence_number DESC LIMIT ? OFFSET ?""".formatted(eventSchema),
                FeedQueries::item, title, commitmentId, limit, offset);
    }

    /**
     * The organisation's name, when the public may know of it: it is bound by a commitment (a public record), or has
     * an interview published with its name.
     */
    Optional<String> publicOrganisationName(String organisationId) {
        return jdbc.queryForList("""
                SELECT o.name FROM organisation o
                WHERE o.organisation_id = ?
                  AND (EXISTS (SELECT 1 FROM commitment_party p WHERE p.organisation_id = o.organisation_id)
                       OR EXISTS (SELECT 1 FROM interview i WHERE i.organisation_id = o.organisation_id
                                                            AND i.status = 'active' AND i.consent = 'publish'))""",
                String.class, organisationId).stream().findFirst();
    }

    /** Changes of the commitments the organisation leads or co-signs, and its published interviews; newest first. */
    List<Item> organisationItems(String organisationId, int limit, long offset) {
        return jdbc.query("""
                SELECT * FROM (
                    SELECT 'commitment' AS kind, t.commitment_id AS subject_id, d.title AS subject_title,
                           t.sequence_number, t.event_type, t.occurred_on, t.recorded_at AS updated,
                           t.recorded_at AS published, t.actor_role, t.reason, t.content, e.event_identifier
                    FROM commitment_party p
                    JOIN commitment_timeline t ON t.commitment_id = p.commitment_id
                    JOIN commitment_dashboard d ON d.commitment_id = p.commitment_id
                    LEFT JOIN %s.domain_event_entry e
                           ON e.aggregate_identifier = t.commitment_id AND e.sequence_number = t.sequence_number
                    WHERE p.organisation_id = ?
                    UNION ALL
                    SELECT 'interview', i.interview_id, NULL, i.version, 'InterviewPublished', i.interview_date,
                           coalesce(i.amended_at, i.recorded_at), i.recorded_at, NULL, NULL, i.content, NULL
                    FROM interview i
                    WHERE i.organisation_id = ? AND i.status = 'active' AND i.consent = 'publish'
                ) items
                ORDER BY updated DESC, subject_id, sequence_number DESC LIMIT ? OFFSET ?""".formatted(eventSchema),
                FeedQueries::item, organisationId, organisationId, limit, offset);
    }

    private static Item item(ResultSet row, int rowNumber) throws SQLException {
        return new Item(row.getString("kind"), row.getString("subject_id"), row.getString("subject_title"),
                row.getLong("sequence_number"), row.getString("event_type"),
                row.getObject("occurred_on", LocalDate.class), instant(row, "updated"), instant(row, "published"),
                row.getString("actor_role"), row.getString("reason"),
                ViewJson.read(row.getString("content"), CONTENT), row.getString("event_identifier"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
