package ro.cluj.crt.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Both services started in this JVM against a fresh database on the real PostgreSQL, on free ports, for one test
 * class; closing it stops them and drops the database.
 */
final class RunningTracker implements AutoCloseable {

    static final String TOKEN_SECRET = "test-secret-of-at-least-thirty-two-bytes-0123456789";

    final TestDatabase database;
    final StandaloneTracker tracker;

    private RunningTracker(TestDatabase database, StandaloneTracker tracker) {
        this.database = database;
        this.tracker = tracker;
    }

    static RunningTracker start() {
        TestDatabase database = TestDatabase.create();
        try {
            Path data = Files.createTempDirectory("crt-test");
            StandaloneTracker tracker = StandaloneTracker.start(new StandaloneTracker.Settings(data, database.url(),
                    TOKEN_SECRET, 0, 0), "--spring.datasource.username=" + TestDatabase.USER);
            return new RunningTracker(database, tracker);
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException(e);
        }
    }

    TrackerClient client() {
        return TrackerClient.anonymous(tracker.commandPort(), tracker.queryPort());
    }

    /** How many events the store holds. */
    long eventCount() {
        return count("SELECT count(*) FROM event_store.domain_event_entry");
    }

    long count(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            tracker.close();
        } finally {
            database.close();
        }
    }
}
