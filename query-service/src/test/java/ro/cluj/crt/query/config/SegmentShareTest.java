package ro.cluj.crt.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The instances alive split each processor's segments, on a fresh database of the real PostgreSQL. */
class SegmentShareTest {

    private static final String SERVER = System.getenv().getOrDefault("CRT_TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("CRT_TEST_DATABASE_USER", "postgres");
    private static final Duration BEAT = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private String database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void createDatabase() throws IOException {
        database = "crt_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + database);
        jdbc = new JdbcTemplate(new DriverManagerDataSource(SERVER + database, USER, ""));
        try (InputStream migration = getClass().getResourceAsStream("/db/query/V9__processing_node.sql")) {
            jdbc.execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
        }
        jdbc.execute("CREATE TABLE token_entry (processor_name VARCHAR(255), segment INTEGER, owner VARCHAR(255))");
        jdbc.update("INSERT INTO token_entry (processor_name, segment) VALUES "
                + "('catalogue', 0), ('commitments', 0), ('commitments', 1), ('commitments', 2), ('commitments', 3)");
    }

    @AfterEach
    void dropDatabase() {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void twoLiveInstancesTakeHalfEachAndTheSurvivorAllOnceTheOtherLeaves() {
        try (SegmentShare first = new SegmentShare(jdbc, "1@host", BEAT, TIMEOUT)) {
            await(() -> first.getMaxSegments("commitments"), 4);
            assertThat(first.getMaxSegments("catalogue")).isEqualTo(1);
            assertThat(first.getMaxSegments("not-yet-initialised")).as("no tokens yet: claim them")
                    .isEqualTo(Short.MAX_VALUE);

            SegmentShare second = new SegmentShare(jdbc, "2@host", BEAT, TIMEOUT);
            await(() -> first.getMaxSegments("commitments"), 2);
            await(() -> second.getMaxSegments("commitments"), 2);
            assertThat(first.getMaxSegments("catalogue")).as("a single segment, for whoever has it").isEqualTo(1);

            second.close();
            await(() -> first.getMaxSegments("commitments"), 4);
            assertThat(jdbc.queryForList("SELECT node_id FROM processing_node", String.class))
                    .containsExactly("1@host");
        }
    }

    @Test
    void anInstanceNotSeenForTheTimeoutNoLongerCountsAndIsForgottenLater() {
        jdbc.update("INSERT INTO processing_node (node_id, seen_at) VALUES "
                + "('dead@host', now() - interval '3 seconds'), ('gone@host', now() - interval '2 hours'), "
                + "('alive@host', now() + interval '1 hour')");
        try (SegmentShare share = new SegmentShare(jdbc, "1@host", BEAT, TIMEOUT)) {
            await(() -> share.getMaxSegments("commitments"), 2);
            assertThat(jdbc.queryForList("SELECT node_id FROM processing_node ORDER BY node_id", String.class))
                    .containsExactly("1@host", "alive@host", "dead@host");
        }
    }

    private static void await(IntSupplier share, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (share.getAsInt() != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(share.getAsInt()).isEqualTo(expected);
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
