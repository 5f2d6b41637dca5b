package ro.cluj.crt.query.edition;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.EditionSummary;
import ro.cluj.crt.events.api.Page;

/** Reads the frozen editions: the list, newest first, and one edition's canonical bytes. */
@Component
public class EditionQueries {

    private static final String SUMMARY = """
            SELECT e.number, e.published_on, e.week_of, e.title, e.corrects, e.position, e.sha256,
                   ARRAY(SELECT c.number FROM edition c WHERE c.corrects = e.number ORDER BY c.number) AS corrected_by
            FROM edition e""";

    private final JdbcTemplate jdbc;

    EditionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An edition as stored: its summary and its canonical JSON. */
    record Stored(EditionSummary summary, String canonicalJson) {
    }

    public Page<EditionSummary> list(int page, int size) {
        long total = jdbc.queryForObject("SELECT count(*) FROM edition", Long.class);
        return new Page<>(jdbc.query(SUMMARY + " ORDER BY e.number DESC LIMIT ? OFFSET ?",
                (row, i) -> summary(row), size, (long) page * size), page, size, total);
    }

    Optional<Stored> one(int number) {
        return jdbc.query(SUMMARY.replace("e.sha256,", "e.sha256, e.content,") + " WHERE e.number = ?",
                (row, i) -> new Stored(summary(row), row.getString("content")), number).stream().findFirst();
    }

    /** The newest editions with their content, for the feeds. */
    List<Stored> latest(int count) {
        return jdbc.query(SUMMARY.replace("e.sha256,", "e.sha256, e.content,") + " ORDER BY e.number DESC LIMIT ?",
                (row, i) -> new Stored(summary(row), row.getString("content")), count);
    }

    private static EditionSummary summary(ResultSet row) throws SQLException {
        Array correctedBy = row.getArray("corrected_by");
        List<Integer> corrections = Arrays.stream((Integer[]) correctedBy.getArray()).toList();
        return new EditionSummary(row.getInt("number"), row.getObject("published_on", LocalDate.class),
                row.getObject("week_of", LocalDate.class), row.getString("title"),
                row.getObject("corrects", Integer.class), corrections, row.getLong("position"),
                row.getString("sha256"));
    }
}
