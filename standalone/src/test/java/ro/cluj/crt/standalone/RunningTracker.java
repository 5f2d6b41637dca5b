package ro.cluj.crt.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import ro.cluj.crt.personal.MasterKey;

/**
 * Both services started in this JVM against a fresh database on the real PostgreSQL, on free ports, for one test
 * class: register it with {@code @RegisterExtension static final RunningTracker system = new RunningTracker();}.
 * After the class it stops them and drops the database.
 */
final class RunningTracker implements BeforeAllCallback, AfterAllCallback {

    static final String TOKEN_SECRET = "test-secret-of-at-least-thirty-two-bytes-0123456789";
    static final String MASTER_KEY = MasterKey.generate();

    TestDatabase database;
    StandaloneTracker tracker;
    /** Every log line both services wrote during the test class. */
    Path logFile;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        database = TestDatabase.create();
        Path data = Files.createTempDirectory("crt-test");
        logFile = data.resolve("tracker.log");
        tracker = StandaloneTracker.start(new StandaloneTracker.Settings(data, database.url(), TOKEN_SECRET, 0, 0),
                "--spring.datasource.username=" + TestDatabase.USER,
                "--crt.personal-data.master-key=" + MASTER_KEY, "--logging.file.name=" + logFile);
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
    public void afterAll(ExtensionContext context) {
        try {
            if (tracker != null) {
                tracker.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
