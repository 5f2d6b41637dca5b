package ro.cluj.crt.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Turns a short history recorded through the service into a long one, in bulk inside PostgreSQL, so that a replay
 * can be measured over a million events without spending hours sending them through the API. Each copy of the
 * recorded events gets ids of its own: in the aggregate id, the event id and anywhere in the payload JSON, every
 * UUID has its first eight hex digits replaced by the copy's number. Ids thus stay consistent within a copy (an
 * interview still names its copied organisation, a commitment its copied lead) and distinct between copies, so the
 * projections see new organisations, interviews, measures and commitments rather than duplicates. Sequence numbers
 * are kept, so every copied aggregate has a gap-free stream; global indexes continue after the recorded ones, copy
 * by copy in the recorded order, and the store's sequence is moved past them. Type, time stamp, revision and
 * metadata are the recorded bytes; the store's check of late appends is off while the copies are made.
 */
final class HistoryMultiplier {

    /** A lower-case UUID as a whole word; group 1 is everything after its first eight hex digits. */
    private static final String UUID = "\\m[0-9a-f]{8}(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\M";
    private static final String WHOLE_UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    /** Copies per INSERT statement (and transaction), so that progress shows and no transaction is huge. */
    private static final int COPIES_PER_STATEMENT = 100;
    private static final String INSERT = """
            INSERT INTO event_store.domain_event_entry (global_index, event_identifier, aggregate_identifier,
                        sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
            SELECT ? + (copy.n - 1) * ? + r.rank,
                   regexp_replace(r.event_identifier, ?, lpad(to_hex(copy.n), 8, '0') || '\\1'),
                   regexp_replace(r.aggregate_identifier, ?, lpad(to_hex(copy.n), 8, '0') || '\\1'),
                   r.sequence_number, r.type, r.time_stamp, r.payload_type, r.payload_revision,
                   convert_to(regexp_replace(r.payload, ?, lpad(to_hex(copy.n), 8, '0') || '\\1', 'g'), 'UTF8'),
                   r.meta_data
            FROM generate_series(?, ?) AS copy(n) CROSS JOIN recorded r
            ORDER BY copy.n, r.rank""";

    private final Connection connection;
    private final Consumer<String> progress;

    HistoryMultiplier(Connection connection, Consumer<String> progress) {
        this.connection = connection;
        this.progress = progress;
    }

    /** What the store held before and after. */
    record Result(long recorded, long copies, long total) {
    }

    /** Copies the recorded events as often as it takes for the store to hold at least {@code target} events. */
    Result multiply(long target) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMPORARY TABLE recorded AS
                    SELECT row_number() OVER (ORDER BY global_index) AS rank, event_identifier, aggregate_identifier,
                           sequence_number, type, time_stamp, payload_type, payload_revision,
                           convert_from(payload, 'UTF8') AS payload, meta_data
                    FROM event_store.domain_event_entry""");
        }
        long recorded = single("SELECT count(*) FROM recorded");
        long lastIndex = single("SELECT max(global_index) FROM event_store.domain_event_entry");
        long notUuids = single("SELECT count(*) FROM recorded WHERE event_identifier !~ '" + WHOLE_UUID
                + "' OR aggregate_identifier !~ '" + WHOLE_UUID + "'");
        if (notUuids > 0) {
            throw new IllegalStateException(notUuids + " recorded events have an event or aggregate id that is not "
                    + "a lower-case UUID; copies could not be given ids of their own");
        }
        long copies = Math.max(0, (target - recorded + recorded - 1) / recorded);
        try (Statement statement = connection.createStatement()) {
            // the copies keep their recorded time stamps, older than the store allows an append to commit after; that
            // limit guards followers of a live store, and nothing follows this one while it is seeded
            statement.execute("ALTER TABLE event_store.domain_event_entry DISABLE TRIGGER "
                    + "domain_event_entry_commits_in_time");
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (long first = 1; first <= copies; first += COPIES_PER_STATEMENT) {
                long last = Math.min(copies, first + COPIES_PER_STATEMENT - 1);
                insert.setLong(1, lastIndex);
                insert.setLong(2, recorded);
                insert.setString(3, UUID);
                insert.setString(4, UUID);
                insert.setString(5, UUID);
                insert.setLong(6, first);
                insert.setLong(7, last);
                insert.executeUpdate();
                progress.accept(String.format(Locale.ROOT, "copied the recorded history %,d of %,d times",
                        last, copies));
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE event_store.domain_event_entry ENABLE TRIGGER "
                    + "domain_event_entry_commits_in_time");
            statement.execute("SELECT setval('event_store.domain_event_entry_global_index_seq', "
                    + "(SELECT max(global_index) FROM event_store.domain_event_entry))");
            statement.execute("DROP TABLE recorded");
            statement.execute("ANALYZE event_store.domain_event_entry");
        }
        return new Result(recorded, copies, single("SELECT count(*) FROM event_store.domain_event_entry"));
    }

    private long single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
