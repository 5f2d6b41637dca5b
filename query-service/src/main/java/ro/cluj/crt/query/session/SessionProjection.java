package ro.cluj.crt.query.session;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.session.IdentifiedSupportNeed;
import ro.cluj.crt.events.session.OutcomesRecorded;
import ro.cluj.crt.events.session.ParticipantRegistered;
import ro.cluj.crt.events.session.ParticipantWithdrawn;
import ro.cluj.crt.events.session.SessionCancelled;
import ro.cluj.crt.events.session.SessionHeld;
import ro.cluj.crt.events.session.SessionId;
import ro.cluj.crt.events.session.SessionRescheduled;
import ro.cluj.crt.events.session.SessionScheduled;
import ro.cluj.crt.events.session.VolunteeredSupport;
import ro.cluj.crt.query.config.ViewJson;
import ro.cluj.crt.query.lesson.LessonProjection;

/**
 * Working sessions as they stand, with their current participants and every outcome recorded, in the process view.
 * Each event first moves the session's row to its sequence number; only when that happens do participants and
 * outcomes change, so an event delivered twice changes nothing.
 */
@Component
@ProcessingGroup(LessonProjection.PROCESSING_GROUP)
public class SessionProjection {

    private final JdbcTemplate jdbc;

    public SessionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SessionScheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO working_session (session_id, last_sequence, status, topic, session_date, place, link,
                                             lesson_ids, scheduled_at, changed_at)
                VALUES (?, ?, 'scheduled', ?, ?, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (session_id) DO NOTHING""",
                event.sessionId().value(), sequence, event.topic(), event.date(), event.place(), event.link(),
                ViewJson.write(event.lessonIds()), utc(at), utc(at));
    }

    @EventHandler
    void on(SessionRescheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.sessionId(), sequence, at, "session_date = ?", event.date());
    }

    @EventHandler
    void on(SessionCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.sessionId(), sequence, at, "status = 'cancelled', cancellation_reason = ?", event.reason());
    }

    @EventHandler
    void on(SessionHeld event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.sessionId(), sequence, at, "status = 'held', held_on = ?", event.heldOn());
    }

    @EventHandler
    void on(ParticipantRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (advance(event.sessionId(), sequence, at, null, null)) {
            jdbc.update("""
                    INSERT INTO session_participant (session_id, participant_id, organisation_id, role,
                                                     position_title, registered_seq)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    event.sessionId().value(), event.participantId(), event.organisationId(), event.role().code(),
                    event.positionTitle(), sequence);
        }
    }

    @EventHandler
    void on(ParticipantWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (advance(event.sessionId(), sequence, at, null, null)) {
            jdbc.update("DELETE FROM session_participant WHERE session_id = ? AND participant_id = ?",
                    event.sessionId().value(), event.participantId());
        }
    }

    @EventHandler
    void on(OutcomesRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (!advance(event.sessionId(), sequence, at, null, null)) {
            return;
        }
        String id = event.sessionId().value();
        List<Object[]> rows = new ArrayList<>();
        event.recommendations().forEach(text -> rows.add(
                row(id, sequence, rows.size(), "recommendation", text, null, null, null, null)));
        for (IdentifiedSupportNeed need : event.supportNeeds()) {
            rows.add(row(id, sequence, rows.size(), "support-need", need.note(), need.kind().code(), null, null,
                    null));
        }
        for (VolunteeredSupport offer : event.volunteeredSupport()) {
            rows.add(row(id, sequence, rows.size(), "volunteered-support", offer.note(), null,
                    offer.organisationId(), offer.field().code(), null));
        }
        event.commitmentIds().forEach(commitment -> rows.add(
                row(id, sequence, rows.size(), "commitment", null, null, null, null, commitment)));
        jdbc.batchUpdate("""
                INSERT INTO session_outcome (session_id, sequence_number, position, kind, text, support_kind,
                                             organisation_id, field, commitment_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    @ResetHandler
    void reset() {
        // DELETE, not TRUNCATE: a read in an older snapshot must not see emptied tables
        for (String table : List.of("working_session", "session_participant", "session_outcome")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /**
     * Moves the session's row to {@code sequence}, also setting {@code assignment} (one placeholder, for
     * {@code value}) when given; false when the event was applied already.
     */
    private boolean advance(SessionId session, long sequence, Instant at, String assignment, Object value) {
        if (assignment == null) {
            return jdbc.update("""
                    UPDATE working_session SET last_sequence = ?, changed_at = ?
                    WHERE session_id = ? AND last_sequence < ?""",
                    sequence, utc(at), session.value(), sequence) == 1;
        }
        return jdbc.update("UPDATE working_session SET last_sequence = ?, changed_at = ?, " + assignment
                        + " WHERE session_id = ? AND last_sequence < ?",
                sequence, utc(at), value, session.value(), sequence) == 1;
    }

    private static Object[] row(String sessionId, long sequence, int position, String kind, String text,
                                String supportKind, String organisationId, String field, String commitmentId) {
        return new Object[] {sessionId, sequence, position, kind, text, supportKind, organisationId, field,
            commitmentId};
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
