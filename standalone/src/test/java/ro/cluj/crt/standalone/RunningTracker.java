package ro.cluj.crt.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import ro.cluj.crt.personal.MasterKey;

/**
 * Both services started in this JVM against a fresh database on the real PostgreSQL, on free ports, for one test
 * class: register it with {@code @RegisterExtension static final RunningTracker system = new RunningTracker();}, or
 * with settings of its own, such as {@code new RunningTracker("--crt.some.setting=1")}. After the class it stops them
 * and drops the database.
 */
final class RunningTracker implements BeforeAllCallback, AfterAllCallback {

    static final String TOKEN_SECRET = "test-secret-of-at-least-thirty-two-bytes-0123456789";
    static final String MASTER_KEY = MasterKey.generate();

    private final String[] settings;
    private StandaloneTracker.Settings started;
    private String[] arguments;
    TestDatabase database;
    StandaloneTracker tracker;
    /** Every log line both services wrote during the test class. */
    Path logFile;

    /** @param settings command line settings for both services, beside the ones every test needs */
    RunningTracker(String... settings) {
        this.settings = settings.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        database = TestDatabase.create();
        Path data = Files.createTempDirectory("crt-test");
        logFile = data.resolve("tracker.log");
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.username=" + TestDatabase.USER,
                "--crt.personal-data.master-key=" + MASTER_KEY, "--logging.file.name=" + logFile));
        arguments.addAll(List.of(settings));
        started = new StandaloneTracker.Settings(data, database.url(), TOKEN_SECRET, 0, 0);
        this.arguments = arguments.toArray(String[]::new);
        tracker = StandaloneTracker.start(started, this.arguments);
    }

    /** Stops both services and starts them again on the same database (on new free ports). */
    void restart() throws IOException {
        tracker.close();
        tracker = null;
        tracker = StandaloneTracker.start(started, arguments);
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
