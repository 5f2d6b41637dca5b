package ro.cluj.crt.query.lesson;

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
import ro.cluj.crt.events.lesson.LessonContent;
import ro.cluj.crt.events.lesson.LessonDrafted;
import ro.cluj.crt.events.lesson.LessonPublished;
import ro.cluj.crt.events.lesson.LessonRevised;
import ro.cluj.crt.events.lesson.LessonSource;
import ro.cluj.crt.events.lesson.LessonWithdrawn;

/**
 * Lessons learned as they stand, with their sources, in the processing group {@value #PROCESSING_GROUP} that also
 * holds the working sessions. A lesson's row keeps the sequence number of the last event applied, and its sources
 * change only with it, so an event delivered twice changes nothing.
 */
@Component
@ProcessingGroup(LessonProjection.PROCESSING_GROUP)
public class LessonProjection {

    /** The processing group of the process view: lessons and working sessions. */
    public static final String PROCESSING_GROUP = "process";

    private final JdbcTemplate jdbc;

    public LessonProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LessonDrafted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        LessonContent content = event.content();
        int inserted = jdbc.update("""
                INSERT INTO lesson (lesson_id, last_sequence, status, title, text, field, lesson_class, drafted_at,
                                    changed_at)
                VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?)
                ON CONFLICT (lesson_id) DO NOTHING""",
                event.lessonId().value(), sequence, content.title(), content.text(), content.field().code(),
                content.lessonClass().code(), utc(at), utc(at));
        if (inserted == 1) {
            insertSources(event.lessonId().value(), content.sources());
        }
    }

    @EventHandler
    void on(LessonRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        LessonContent content = event.content();
        String id = event.lessonId().value();
        int updated = jdbc.update("""
                UPDATE lesson SET last_sequence = ?, title = ?, text = ?, field = ?, lesson_class = ?, changed_at = ?
                WHERE lesson_id = ? AND last_sequence < ?""",
                sequence, content.title(), content.text(), content.field().code(), content.lessonClass().code(),
                utc(at), id, sequence);
        if (updated == 1) {
            jdbc.update("DELETE FROM lesson_source WHERE lesson_id = ?", id);
            insertSources(id, content.sources());
        }
    }

    @EventHandler
    void on(LessonPublished event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE lesson SET last_sequence = ?, status = 'published', published_at = ?, changed_at = ?
                WHERE lesson_id = ? AND last_sequence < ?""",
                sequence, utc(at), utc(at), event.lessonId().value(), sequence);
    }

    @EventHandler
    void on(LessonWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE lesson SET last_sequence = ?, status = 'withdrawn', withdrawal_reason = ?, changed_at = ?
                WHERE lesson_id = ? AND last_sequence < ?""",
                sequence, event.reason(), utc(at), event.lessonId().value(), sequence);
    }

    @ResetHandler
    void reset() {
        // DELETE, not TRUNCATE: a read in an older snapshot must not see emptied tables
        jdbc.update("DELETE FROM lesson");
        jdbc.update("DELETE FROM lesson_source");
    }

    private void insertSources(String lessonId, List<LessonSource> sources) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            rows.add(new Object[] {lessonId, i, sources.get(i).interviewId(), sources.get(i).measureId()});
        }
        jdbc.batchUpdate("""
                INSERT INTO lesson_source (lesson_id, position, interview_id, measure_id)
                VALUES (?, ?, ?, ?)""", rows);
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
