package ro.cluj.crt.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fresh database of one run, {@code crt_bench_<timestamp>}: made at the start, inspected with SQL while the run
 * goes on, dropped at the end. Nothing here changes a setting of the server or of the database.
 */
final class BenchDatabase implements AutoCloseable {

    static final String EVENT_TABLE = "event_store.domain_event_entry";
    static final String USER = "postgres";
    private static final String ADMIN_DATABASE = "postgres";
    private static final String SEQUENCE = "domain_event_entry_global_index_seq";

    private final String serverUrl;
    private final String name;
    private final Connection connection;

    private BenchDatabase(String serverUrl, String name) throws SQLException {
        this.serverUrl = serverUrl;
        this.name = name;
        this.connection = DriverManager.getConnection(url(), USER, "");
    }

    static BenchDatabase create(String serverUrl) throws SQLException {
        return create(serverUrl, "");
    }

    /** A fresh database whose name ends in {@code suffix}, for a run that needs more than one. */
    static BenchDatabase create(String serverUrl, String suffix) throws SQLException {
        String name = "crt_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                + suffix;
        try (Connection admin = DriverManager.getConnection(serverUrl + ADMIN_DATABASE, USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new BenchDatabase(serverUrl, name);
    }

    String name() {
        return name;
    }

    String url() {
        return serverUrl + name;
    }

    long count(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The mean stored sizes of payload and metadata in a table, in bytes. */
    double[] meanSizes(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT avg(length(payload)), avg(length(meta_data)) FROM "
                     + table + " WHERE type = 'Interview'")) {
            rows.next();
            return new double[] {rows.getDouble(1), rows.getDouble(2)};
        }
    }

    /** The latest stored event with this payload type. */
    StoredEvent latestEvent(String payloadType) throws SQLException {
        String sql = "SELECT type, payload_type, payload_revision, payload, meta_data FROM " + EVENT_TABLE
                + " WHERE payload_type = ? ORDER BY global_index DESC LIMIT 1";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, payloadType);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no stored event of type " + payloadType);
                }
                return new StoredEvent(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBytes(4),
                        rows.getBytes(5));
            }
        }
    }

    /**
     * Creates {@link BaselineWorkload#TABLE}: the event table's columns, constraints and indexes, with a sequence of
     * its own made like the event store's, and checks that the copy is faithful.
     */
    void createBaselineTable() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA baseline");
            statement.execute("CREATE SEQUENCE baseline." + SEQUENCE + " INCREMENT BY 1 CACHE 1");
            statement.execute("CREATE TABLE " + BaselineWorkload.TABLE + " (LIKE " + EVENT_TABLE + " INCLUDING ALL)");
            statement.execute("ALTER TABLE " + BaselineWorkload.TABLE + " ALTER COLUMN global_index SET DEFAULT "
                    + "nextval('baseline." + SEQUENCE + "')");
            statement.execute("ALTER SEQUENCE baseline." + SEQUENCE + " OWNED BY " + BaselineWorkload.TABLE
                    + ".global_index");
        }
        requireSame("columns", columns("event_store"), columns("baseline"));
        requireSame("indexes", indexes("event_store"), indexes("baseline"));
        requireSame("sequence", sequence("event_store"), sequence("baseline"));
        if (!String.valueOf(globalIndexDefault()).contains("baseline." + SEQUENCE)) {
            throw new IllegalStateException("the baseline's global_index does not use its own sequence");
        }
    }

    /** A description of the baseline table's indexes, for the report. */
    List<String> baselineIndexes() throws SQLException {
        return indexes("baseline");
    }

    /** Server facts that bear on write throughput, read from the server, never set. */
    Map<String, String> facts() throws SQLException {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String setting : List.of("server_version", "synchronous_commit", "fsync", "wal_sync_method",
                "full_page_writes", "shared_buffers", "max_connections")) {
            facts.put(setting, single("SHOW " + setting));
        }
        return facts;
    }

    private List<String> columns(String schema) throws SQLException {
        return list("SELECT column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')"
                + " || ' ' || is_nullable FROM information_schema.columns WHERE table_schema = ?"
                + " AND table_name = 'domain_event_entry' ORDER BY ordinal_position", schema);
    }

    private List<String> indexes(String schema) throws SQLException {
        return list("SELECT regexp_replace(indexdef, 'INDEX \\S+ ON \\S+', 'INDEX ON') FROM pg_indexes"
                + " WHERE schemaname = ? AND tablename = 'domain_event_entry' ORDER BY 1", schema);
    }

    private List<String> sequence(String schema) throws SQLException {
        return list("SELECT 'increment ' || increment_by || ', cache ' || cache_size FROM pg_sequences"
                + " WHERE schemaname = ? AND sequencename = '" + SEQUENCE + "'", schema);
    }

    private String globalIndexDefault() throws SQLException {
        return list("SELECT column_default FROM information_schema.columns WHERE table_schema = ?"
                + " AND table_name = 'domain_event_entry' AND column_name = 'global_index'", "baseline").getFirst();
    }

    private static void requireSame(String what, List<String> expected, List<String> actual) {
        if (expected.isEmpty() || !expected.equals(actual)) {
            throw new IllegalStateException("the baseline table's " + what + " differ from the event table's: "
                    + expected + " vs " + actual);
        }
    }

    private List<String> list(String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }

    private String single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** Drops the database; every connection to it must be closed by then. */
    void drop() throws SQLException {
        try (Connection admin = DriverManager.getConnection(serverUrl + ADMIN_DATABASE, USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        }
    }
}
