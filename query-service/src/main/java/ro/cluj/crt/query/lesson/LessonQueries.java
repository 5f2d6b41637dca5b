package ro.cluj.crt.query.lesson;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.LessonView;
import ro.cluj.crt.events.api.Page;

/**
 * Reads lessons from the process view, with their sources joined to the catalogue. The public sees published lessons
 * only, and of each source what the interview's consent allows: the measure's title where it consented to publication
 * (with or without its name), the organisation where it consented to be named, and nothing of a retracted interview.
 */
@Component
public class LessonQueries {

    private static final String SOURCES = """
            SELECT s.lesson_id, s.interview_id, s.measure_id, i.status AS interview_status, i.consent,
                   i.organisation_id, o.name,
                   (SELECT m ->> 'title' FROM jsonb_array_elements(i.content -> 'measures') m
                     WHERE m ->> 'measureId' = s.measure_id LIMIT 1) AS measure_title
            FROM lesson_source s
            LEFT JOIN interview i ON i.interview_id = s.interview_id
            LEFT JOIN organisation o ON o.organisation_id = i.organisation_id
            WHERE s.lesson_id = ANY (?)
            ORDER BY s.lesson_id, s.position""";

    private final JdbcTemplate jdbc;

    public LessonQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a list may be narrowed to; each part is null when not asked for. */
    public record Filter(String status, String field, String lessonClass) {
    }

    public Optional<LessonView> lesson(String lessonId, boolean everything) {
        String visible = everything ? "" : " AND status = 'published'";
        List<LessonView> found = jdbc.query("SELECT * FROM lesson WHERE lesson_id = ?" + visible,
                LessonQueries::lesson, lessonId);
        return withSources(found, everything).stream().findFirst();
    }

    public Page<LessonView> lessons(Filter filter, int page, int size, boolean everything) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        if (!everything) {
            conditions.add("status = 'published'");
        }
        condition(conditions, arguments, "status", filter.status());
        condition(conditions, arguments, "field", filter.field());
        condition(conditions, arguments, "lesson_class", filter.lessonClass());
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.queryForObject("SELECT count(*) FROM lesson" + where, Long.class, arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(size);
        paged.add((long) page * size);
        List<LessonView> items = jdbc.query("SELECT * FROM lesson" + where
                + " ORDER BY drafted_at DESC, lesson_id LIMIT ? OFFSET ?", LessonQueries::lesson, paged.toArray());
        return new Page<>(withSources(items, everything), page, size, total);
    }

    private static void condition(List<String> conditions, List<Object> arguments, String column, String value) {
        if (value != null) {
            conditions.add(column + " = ?");
            arguments.add(value);
        }
    }

    private List<LessonView> withSources(List<LessonView> lessons, boolean everything) {
        if (lessons.isEmpty()) {
            return lessons;
        }
        Map<String, List<LessonView.Source>> sources = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(SOURCES);
            Array ids = connection.createArrayOf("varchar", lessons.stream().map(LessonView::lessonId).toArray());
            statement.setArray(1, ids);
            return statement;
        }, (ResultSet row) -> {
            sources.computeIfAbsent(row.getString("lesson_id"), id -> new ArrayList<>())
                    .add(source(row, everything));
        });
        return lessons.stream().map(lesson -> new LessonView(lesson.lessonId(), lesson.version(), lesson.status(),
                lesson.title(), lesson.text(), lesson.field(), lesson.lessonClass(),
                sources.getOrDefault(lesson.lessonId(), List.of()), lesson.draftedAt(), lesson.publishedAt(),
                lesson.changedAt(), lesson.withdrawalReason())).toList();
    }

    private static LessonView.Source source(ResultSet row, boolean everything) throws SQLException {
        String status = row.getString("interview_status");
        String consent = row.getString("consent");
        if (everything) {
            return new LessonView.Source(row.getString("interview_id"), row.getString("measure_id"),
                    row.getString("measure_title"), row.getString("organisation_id"), row.getString("name"), false,
                    status);
        }
        boolean active = "active".equals(status);
        boolean published = active && ("publish".equals(consent) || "publish-without-name".equals(consent));
        boolean named = active && "publish".equals(consent);
        return new LessonView.Source(row.getString("interview_id"), row.getString("measure_id"),
                published ? row.getString("measure_title") : null, named ? row.getString("organisation_id") : null,
                named ? row.getString("name") : null, !named, null);
    }

    private static LessonView lesson(ResultSet row, int rowNumber) throws SQLException {
        return new LessonView(row.getString("lesson_id"), row.getLong("last_sequence"), row.getString("status"),
                row.getString("title"), row.getString("text"), row.getString("field"), row.getString("lesson_class"),
                List.of(), instant(row, "drafted_at"), instant(row, "published_at"), instant(row, "changed_at"),
                row.getString("withdrawal_reason"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
