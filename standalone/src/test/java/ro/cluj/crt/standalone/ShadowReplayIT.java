package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Shadow replays through the running system: two views rebuilt into copies while commands keep arriving, one of them
 * stopped and resumed on the way, end identical to the live views, switch in without changing a byte of what reads
 * answer, and leave no schema behind; a copy altered by hand is reported as different, and discarding it drops it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShadowReplayIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    private static final Duration WRITING = Duration.ofSeconds(6);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String REPLAYS = "/api/admin/replays/";

    private final AtomicLong position = new AtomicLong();

    @Test
    @Order(1)
    void replaysWhileCommandsArriveEndIdenticalAndSwitchInUnnoticed() throws Exception {
        TrackerClient staff = system.client().as("staff");
        TrackerClient monitor = system.client().as("monitor");
        TrackerClient admin = system.client().as("admin");
        TrackerClient auditor = system.client().as("auditor");
        seen(History.record(staff));
        String lead = created(staff.post("/api/organisations", "{\"name\":\"Primaria\",\"sector\":\"public-authority\","
                + "\"authorityLevel\":\"local\"}"));
        String commitment = created(staff.post("/api/commitments", """
                {"leadOrganisationId":"%s","title":"Food bank network","field":"social-support-and-basic-needs",
                 "kind":"scale-service","startDate":"2020-04-01","targetDate":"2030-01-01"}""".formatted(lead)));
        seen(ok(monitor.post("/api/commitments/" + commitment + "/progress", "{\"status\":\"on-track\"}")));
        created(staff.post("/api/editions", "{\"number\":1,\"title\":\"Week 19\"}"));

        CompletableFuture<Integer> writes = CompletableFuture.supplyAsync(() -> keepWriting(staff, monitor, lead,
                commitment));
        JsonNode catalogue = accepted(admin.postToQueries(REPLAYS + "catalogue", "{}"));
        assertThat(catalogue.get("group").asText()).isEqualTo("catalogue");
        assertThat(admin.postToQueries(REPLAYS + "catalogue", "{}").status()).as("one replay per view at a time")
                .isEqualTo(409);
        accepted(auditor.postToQueries(REPLAYS + "commitments", "{}"));
        assertThat(system.client().as("staff").get(REPLAYS + "commitments").status()).isEqualTo(403);

        JsonNode stopped = json(auditor.postToQueries(REPLAYS + "commitments/stop", "{}"));
        assertThat(stopped.get("running").asBoolean()).isFalse();
        Thread.sleep(1_500);
        JsonNode still = json(auditor.get(REPLAYS + "commitments"));
        assertThat(still.get("position").asLong()).as("a stopped replay stays where it was")
                .isEqualTo(stopped.get("position").asLong());
        assertThat(still.get("eventsTotal").asLong()).as("while commands keep arriving")
                .isGreaterThan(stopped.get("eventsTotal").asLong());
        assertThat(json(auditor.postToQueries(REPLAYS + "commitments/resume", "{}")).get("running").asBoolean())
                .isTrue();
        JsonNode moving = await(auditor, "commitments",
                p -> p.get("position").asLong() > still.get("position").asLong() && p.hasNonNull("eventsPerSecond"));
        assertThat(moving.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(moving.get("eventsDone").asLong()).isPositive().isLessThanOrEqualTo(moving.get("eventsTotal")
                .asLong());

        assertThat(writes.get()).as("commands sent during the replays").isGreaterThan(20);
        for (String group : List.of("catalogue", "commitments")) {
            JsonNode done = await(admin, group, p -> p.get("caughtUp").asBoolean()
                    && p.get("position").asLong() >= position.get());
            assertThat(done.get("eventsDone").asLong()).isEqualTo(done.get("eventsTotal").asLong());
            JsonNode comparison = json(auditor.get(REPLAYS + group + "/comparison"));
            assertThat(comparison.get("samePosition").asBoolean()).as(comparison.toString()).isTrue();
            assertThat(comparison.get("identical").asBoolean()).as(comparison.toString()).isTrue();
            for (JsonNode table : comparison.get("tables")) {
                assertThat(table.get("copyRows").asLong()).isEqualTo(table.get("liveRows").asLong());
                assertThat(table.get("copyDigest").asText()).isEqualTo(table.get("liveDigest").asText());
            }
        }
        assertThat(system.count("SELECT count(*) FROM crt_replay_catalogue.interview"))
                .isEqualTo(system.count("SELECT count(*) FROM crt_query.interview")).isGreaterThan(20);

        List<String> before = reads(auditor, commitment);
        assertThat(auditor.postToQueries(REPLAYS + "catalogue/switch", "{}").status())
                .as("only an admin replaces a live view").isEqualTo(403);
        for (String group : List.of("catalogue", "commitments")) {
            TrackerClient.Response switched = admin.postToQueries(REPLAYS + group + "/switch", "{}");
            assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        }
        assertThat(reads(auditor, commitment)).as("every read byte for byte as before the switch").isEqualTo(before);
        assertThat(system.count("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'crt_replay%'")).isZero();
        assertThat(system.count("SELECT count(*) FROM crt_query.token_entry WHERE processor_name LIKE 'replay-%'"))
                .isZero();

        long after = seen(ok(monitor.post("/api/commitments/" + commitment + "/progress",
                "{\"status\":\"delayed\",\"percentage\":7,\"reason\":\"after the switch\"}")));
        JsonNode timeline = system.client().get("/api/commitments/" + commitment + "/timeline?minPosition=" + after)
                .json();
        assertThat(timeline.get("entries").get(timeline.get("entries").size() - 1).toString())
                .as("the live view carries on from the copy's position").contains("delayed");
    }

    @Test
    @Order(2)
    void anAlteredCopyIsReportedDifferentAndADiscardedOneLeavesNothing() throws Exception {
        TrackerClient admin = system.client().as("admin");
        accepted(admin.postToQueries(REPLAYS + "catalogue", "{}"));
        long head = system.count("SELECT max(global_index) FROM event_store.domain_event_entry");
        await(admin, "catalogue", p -> p.get("caughtUp").asBoolean() && p.get("position").asLong() >= head);
        assertThat(json(admin.get(REPLAYS + "catalogue/comparison")).get("identical").asBoolean()).isTrue();

        execute("UPDATE crt_replay_catalogue.organisation SET name = name || ' (altered)' WHERE name = 'Primaria'");
        JsonNode comparison = json(admin.get(REPLAYS + "catalogue/comparison"));
        assertThat(comparison.get("samePosition").asBoolean()).isTrue();
        assertThat(comparison.get("identical").asBoolean()).isFalse();
        List<String> different = new ArrayList<>();
        comparison.get("tables").forEach(t -> {
            if (!t.get("identical").asBoolean()) {
                different.add(t.get("table").asText());
                assertThat(t.get("copyRows").asLong()).isEqualTo(t.get("liveRows").asLong());
            }
        });
        assertThat(different).containsExactly("organisation");
        for (int i = 0; i < 40; i++) {
            TrackerClient.Response live = system.client().get("/api/organisations");
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.body()).as("the copy's search path never outlives its transaction")
                    .contains("Primaria").doesNotContain("(altered)");
        }

        assertThat(admin.deleteFromQueries(REPLAYS + "catalogue").status()).isEqualTo(204);
        assertThat(system.count("SELECT count(*) FROM pg_namespace WHERE nspname = 'crt_replay_catalogue'")).isZero();
        assertThat(system.count("SELECT count(*) FROM crt_query.token_entry WHERE processor_name LIKE 'replay-%'"))
                .isZero();
        assertThat(admin.get(REPLAYS + "catalogue").status()).isEqualTo(404);
        assertThat(admin.deleteFromQueries(REPLAYS + "catalogue").status()).isEqualTo(404);
        TrackerClient.Response organisations = system.client().get("/api/organisations");
        assertThat(organisations.status()).isEqualTo(200);
        assertThat(organisations.body()).contains("Primaria").doesNotContain("(altered)");
    }

    /** Interviews and progress reports for a few seconds; answers how many were accepted. */
    private int keepWriting(TrackerClient staff, TrackerClient monitor, String organisation, String commitment) {
        long end = System.nanoTime() + WRITING.toNanos();
        int sent = 0;
        while (System.nanoTime() < end) {
            seen(ok(staff.post("/api/organisations/" + organisation + "/interviews", """
                    {"date":"2020-05-04","channel":"phone","consent":"publish",
                     "measures":[{"field":"culture","description":"Reading club %d"}]}""".formatted(sent))));
            seen(ok(monitor.post("/api/commitments/" + commitment + "/progress",
                    "{\"status\":\"on-track\",\"percentage\":%d,\"reason\":\"weekly check\"}".formatted(sent % 100))));
            sent += 2;
        }
        return sent;
    }

    /** What the public and an auditor read of both views, at the latest position written. */
    private List<String> reads(TrackerClient auditor, String commitment) {
        String at = "minPosition=" + position.get();
        List<String> reads = new ArrayList<>();
        for (String path : List.of("/api/report?" + at, "/api/editions/1?" + at, "/api/editions?" + at,
                "/api/dashboard?" + at, "/api/commitments/" + commitment + "/timeline?" + at,
                "/api/organisations?" + at)) {
            TrackerClient.Response response = system.client().get(path);
            assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
            reads.add(path + " " + response.header("ETag") + " " + response.body());
        }
        reads.add(auditor.get("/api/report?" + at).body());
        return reads;
    }

    private JsonNode await(TrackerClient client, String group, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode progress = json(client.get(REPLAYS + group));
        while (!done.test(progress)) {
            assertThat(System.nanoTime()).as("replay of %s never got there: %s", group, progress)
                    .isLessThan(deadline);
            Thread.sleep(100);
            JsonNode next = json(client.get(REPLAYS + group));
            assertThat(next.get("eventsDone").asLong()).as("progress never goes back")
                    .isGreaterThanOrEqualTo(progress.get("eventsDone").asLong());
            progress = next;
        }
        return progress;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = system.database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static JsonNode accepted(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json();
    }

    private static JsonNode json(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String created(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        seen(response.json().get("position").asLong());
        return response.json().get("id").asText();
    }

    private static long ok(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json().get("position").asLong();
    }

    private long seen(long at) {
        return position.accumulateAndGet(at, Math::max);
    }
}
