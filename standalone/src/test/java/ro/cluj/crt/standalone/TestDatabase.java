package ro.cluj.crt.standalone;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database on a real PostgreSQL for one test class: the server at 127.0.0.1:5432, or the one named by
 * {@code CRT_TEST_DATABASE_URL} (a JDBC address without the database name, e.g.
 * {@code jdbc:postgresql://db.example:5432/}), as user {@code CRT_TEST_DATABASE_USER} (default postgres).
 */
final class TestDatabase implements AutoCloseable {

    private static final String SERVER = System.getenv().getOrDefault("CRT_TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getenv().getOrDefault("CRT_TEST_DATABASE_USER", "postgres");

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    static TestDatabase create() {
        String name = "crt_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    String url() {
        return SERVER + name;
    }

    /** A digest of every stored byte of the events up to {@code position}: payload, metadata, ids, times. */
    String historyDigest(long position) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT md5(string_agg(global_index || ':' || event_identifier || ':' || time_stamp || ':'
                                           || encode(payload, 'hex') || ':' || encode(meta_data, 'hex'), '|'
                                           ORDER BY global_index))
                     FROM event_store.domain_event_entry WHERE global_index <= ?""")) {
            query.setLong(1, position);
            try (ResultSet digest = query.executeQuery()) {
                digest.next();
                return digest.getString(1);
            }
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test PostgreSQL at " + SERVER + ": " + e.getMessage(), e);
        }
    }
}
