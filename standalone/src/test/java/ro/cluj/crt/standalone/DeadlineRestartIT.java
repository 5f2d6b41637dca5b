package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ro.cluj.crt.command.CommandServiceApplication;

/**
 * Deadlines live in the database: a milestone deadline scheduled by one command-service process, which stops before
 * it is due, fires in the next process, once. The tracker's clock is moved to a few seconds before midnight in Cluj,
 * so that the milestone due "today" passes while the test waits.
 */
class DeadlineRestartIT {

    private static final ZoneId CLUJ = ZoneId.of("Europe/Bucharest");
    private static final Duration UNTIL_MIDNIGHT = Duration.ofSeconds(12);

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void aDeadlineScheduledBeforeARestartFiresAfterItOnce() throws Exception {
        LocalDate dueDate = LocalDate.now(CLUJ);
        Instant trackerNow = dueDate.atTime(LocalTime.MIDNIGHT).minus(UNTIL_MIDNIGHT).atZone(CLUJ).toInstant()
                .plus(Duration.ofDays(1));
        Duration offset = Duration.between(Instant.now(), trackerNow);
        Instant due = Instant.now().plus(UNTIL_MIDNIGHT);

        ConfigurableApplicationContext first = start(offset);
        String commitment;
        try {
            TrackerClient staff = TrackerClient.anonymous(port(first), port(first)).as("staff");
            String lead = staff.post("/api/organisations", "{\"name\":\"Liga\",\"sector\":\"civil-society\"}")
                    .json().get("id").asText();
            TrackerClient.Response made = staff.post("/api/commitments", """
                    {"leadOrganisationId":"%s","title":"Night shelter","field":"social-support-and-basic-needs",
                     "kind":"provide-support","startDate":"%s","targetDate":"%s",
                     "milestones":[{"id":"open","title":"Open the shelter","dueDate":"%s"}]}"""
                    .formatted(lead, dueDate.minusDays(30), dueDate.plusDays(60), dueDate));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            commitment = made.json().get("id").asText();
        } finally {
            first.close();
        }
        assertThat(missed(commitment)).as("not due before the restart").isZero();

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 1_000);
        ConfigurableApplicationContext second = start(offset);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            while (missed(commitment) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(missed(commitment)).as("fired after the restart").isEqualTo(1);
            Thread.sleep(5_000);
            assertThat(missed(commitment)).as("fired once").isEqualTo(1);
        } finally {
            second.close();
        }
    }

    private static long missed(String commitment) throws Exception {
        try (var connection = database.connect();
             var query = connection.prepareStatement("""
                     SELECT count(*) FROM event_store.domain_event_entry
                     WHERE aggregate_identifier = ? AND payload_type LIKE '%MilestoneMissed'""")) {
            query.setString(1, commitment);
            try (var result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static ConfigurableApplicationContext start(Duration offset) {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties(Map.of("spring.config.name", CommandServiceApplication.CONFIG_NAME))
                .run("--spring.profiles.active=local", "--server.port=0",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + TestDatabase.USER,
                        "--crt.security.token-secret=" + RunningTracker.TOKEN_SECRET,
                        "--crt.personal-data.master-key=" + RunningTracker.MASTER_KEY,
                        "--crt.clock.offset=" + offset, "--db-scheduler.polling-interval=1s");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
