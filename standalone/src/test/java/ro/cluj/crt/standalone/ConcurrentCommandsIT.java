package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ro.cluj.crt.command.CommandServiceApplication;

/**
 * Many commands on one aggregate at once, sent to two command-service instances on one database (so that no lock in
 * one process puts them in order): each answer is a success or a 409, never a 5xx, and the aggregate's stored
 * sequence numbers run 0, 1, 2, ... without a duplicate or a hole.
 */
class ConcurrentCommandsIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker("--spring.datasource.hikari.maximum-pool-size=8");

    private static final int PARALLEL = 20;
    private static ConfigurableApplicationContext secondInstance;
    private static TrackerClient[] staff;
    private static String organisationId;

    @BeforeAll
    static void startASecondCommandService() {
        secondInstance = new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties(Map.of("spring.config.name", CommandServiceApplication.CONFIG_NAME))
                .registerShutdownHook(false)
                .run("--spring.datasource.url=" + system.database.url(),
                        "--spring.datasource.username=" + TestDatabase.USER,
                        "--crt.security.token-secret=" + RunningTracker.TOKEN_SECRET,
                        "--crt.personal-data.master-key=" + RunningTracker.MASTER_KEY,
                        "--spring.profiles.active=local", "--server.port=0", "--server.address=127.0.0.1",
                        "--crt.audit.sealer-enabled=false", "--spring.datasource.hikari.maximum-pool-size=8");
        int secondPort = Integer.parseInt(secondInstance.getEnvironment().getRequiredProperty("local.server.port"));
        staff = new TrackerClient[] {system.client().as("staff"),
            TrackerClient.anonymous(secondPort, system.tracker.queryPort()).as("staff")};
        TrackerClient.Response registered = staff[0].post("/api/organisations",
                "{\"name\":\"Asociatia Concurenta\",\"sector\":\"civil-society\"}");
        assertThat(registered.status()).isEqualTo(201);
        organisationId = registered.json().get("id").asText();
    }

    @AfterAll
    static void stopTheSecondCommandService() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void twentyRevisionsOfOneCommitmentAtOnceAnswerSuccessOrConflictAndNeverRepeatASequenceNumber() {
        String commitment = makeCommitment("concurrent revisions");

        List<TrackerClient.Response> answers = inParallel(i -> staff[i % 2].post(
                "/api/commitments/" + commitment + "/revisions",
                "{\"part\":\"title\",\"value\":\"Title " + i + "\",\"reason\":\"revision " + i + "\"}"));

        long accepted = answers.stream().filter(answer -> answer.status() == 200).count();
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isIn(200, 409);
            if (answer.status() == 409) {
                assertThat(answer.json().get("type").asText()).isEqualTo("/problems/concurrent-change");
            }
        });
        assertThat(accepted).as("at least the first of them goes through").isPositive();
        assertThat(sequenceNumbers(commitment)).as("one event per accepted revision, numbered without a gap")
                .isEqualTo(range(accepted + 1));
    }

    @Test
    void twentyRevisionsBasedOnOneVersionLetExactlyOneThrough() {
        String commitment = makeCommitment("revisions based on version 0");

        List<TrackerClient.Response> answers = inParallel(i -> staff[i % 2].post(
                "/api/commitments/" + commitment + "/revisions",
                "{\"part\":\"title\",\"value\":\"Title " + i + "\",\"reason\":\"revision " + i + "\"}",
                Map.of("If-Match", "\"0\"")));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isIn(200, 409);
            if (answer.status() == 409) {
                assertThat(answer.json().get("type").asText()).as("stale, or lost the race to the same version")
                        .isIn("/problems/stale-version", "/problems/concurrent-change");
            }
        });
        assertThat(answers.stream().filter(answer -> answer.status() == 200).count()).isEqualTo(1);
        assertThat(sequenceNumbers(commitment)).isEqualTo(range(2));
    }

    @Test
    void twentyCreatesWithOneIdempotencyKeyMakeOneOrganisation() {
        List<TrackerClient.Response> answers = inParallel(i -> staff[i % 2].post("/api/organisations",
                "{\"name\":\"Asociatia Cheie\",\"sector\":\"civil-society\"}",
                Map.of("Idempotency-Key", "concurrent-create-1")));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(201, 409));
        List<String> ids = answers.stream().filter(answer -> answer.status() == 201)
                .map(answer -> answer.json().get("id").asText()).distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(sequenceNumbers(ids.getFirst())).isEqualTo(range(1));
    }

    private static String makeCommitment(String title) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        TrackerClient.Response made = staff[0].post("/api/commitments", """
                {"leadOrganisationId":"%s","title":"%s","field":"health","kind":"scale-service",
                 "startDate":"%s","targetDate":"%s"}""".formatted(organisationId, title, today.minusMonths(1),
                today.plusYears(1)));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("id").asText();
    }

    /** Sends {@value #PARALLEL} requests at the same moment, {@code i} from 0, and waits for every answer. */
    private static List<TrackerClient.Response> inParallel(IntFunction<TrackerClient.Response> request) {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(PARALLEL)) {
            List<Future<TrackerClient.Response>> answers = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                int n = i;
                answers.add(threads.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<TrackerClient.Response> responses = new ArrayList<>();
            for (Future<TrackerClient.Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> sequenceNumbers(String aggregateId) {
        try (Connection connection = system.database.connect();
             PreparedStatement statement = connection.prepareStatement("SELECT sequence_number FROM "
                     + "event_store.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            statement.setString(1, aggregateId);
            List<Long> numbers = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    numbers.add(rows.getLong(1));
                }
            }
            return numbers;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> range(long count) {
        List<Long> numbers = new ArrayList<>();
        for (long n = 0; n < count; n++) {
            numbers.add(n);
        }
        return numbers;
    }
}
