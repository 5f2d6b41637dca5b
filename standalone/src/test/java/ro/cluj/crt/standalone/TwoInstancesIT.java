package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import ro.cluj.crt.standalone.ServiceProcess.Service;

/**
 * Two instances of each service as processes of their own on one database. The command services take concurrent
 * writes on one aggregate and stay consistent; the query services split the processors' segments through the token
 * store, apply each event once, when one is killed the other takes over its segments, and a new instance gets its
 * share from the one that held them all. The claim timeout is shortened here (4 s instead of 10 s) so that the
 * hand-over is quick to watch.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final ZoneId CLUJ = ZoneId.of("Europe/Bucharest");
    /** Processors with more than one segment, which the two query services share. */
    private static final List<String> SHARED = List.of("commitments", "process", "recommendations");
    private static final String[] QUICK_HAND_OVER = {"--axon.eventhandling.tokenstore.claim-timeout=4s",
            "--crt.query.node-timeout=4s", "--crt.query.node-heartbeat=1s",
            "--axon.eventhandling.processors.catalogue.token-claim-interval=1000",
            "--axon.eventhandling.processors.commitments.token-claim-interval=1000",
            "--axon.eventhandling.processors.process.token-claim-interval=1000",
            "--axon.eventhandling.processors.recommendations.token-claim-interval=1000"};

    private static final String OWNERS = "SELECT DISTINCT owner FROM crt_query.token_entry WHERE processor_name = ?";

    private static final List<ServiceProcess> commands = new ArrayList<>();
    private static final List<ServiceProcess> queries = new ArrayList<>();
    private static TestDatabase database;
    private static StoreChecks store;
    private static String lead;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        store = new StoreChecks(database);
        List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String number = String.valueOf(i);
            starting.add(CompletableFuture.supplyAsync(() -> ServiceProcess.start(Service.COMMAND,
                    "TwoInstancesIT-command-" + number, database, ServiceProcess.freePort())));
            starting.add(CompletableFuture.supplyAsync(() -> ServiceProcess.start(Service.QUERY,
                    "TwoInstancesIT-query-" + number, database, ServiceProcess.freePort(), QUICK_HAND_OVER)));
        }
        for (int i = 0; i < starting.size(); i++) {
            (i % 2 == 0 ? commands : queries).add(starting.get(i).join());
        }
        lead = create(staff(0), "/api/organisations", "{\"name\":\"Primaria\",\"sector\":\"public-authority\","
                + "\"authorityLevel\":\"local\"}");
    }

    @AfterAll
    static void stop() {
        commands.forEach(ServiceProcess::close);
        queries.forEach(ServiceProcess::close);
        store.close();
        database.close();
    }

    @Test
    @Order(1)
    void twoCommandServicesTakeConcurrentWritesOnOneAggregateAndStayConsistent() throws Exception {
        String commitment = create(staff(0), "/api/commitments", commitment());
        String path = "/api/commitments/" + commitment;
        TrackerClient[] monitors = {client(0).as("monitor"), client(1).as("monitor")};
        Map<String, TrackerClient.Response> answers = new ConcurrentHashMap<>();
        List<Thread> writers = IntStream.range(0, 8).mapToObj(w -> Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 12; i++) {
                String note = "two-w" + w + "-" + i;
                answers.put(note, monitors[(w + i) % 2].post(path + "/progress",
                        "{\"status\":\"on-track\",\"note\":\"" + note + "\"}"));
            }
        })).toList();
        for (Thread writer : writers) {
            writer.join();
        }

        Map<Integer, Long> statuses = answers.values().stream()
                .collect(Collectors.groupingBy(TrackerClient.Response::status, Collectors.counting()));
        assertThat(statuses).as("answers by status: success or a conflict, never a failure")
                .containsKey(200).containsOnlyKeys(200, 409);
        long events = store.count("SELECT count(*) FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = ?", commitment);
        assertThat(store.count("SELECT max(sequence_number) + 1 FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = ?", commitment)).as("sequence numbers without gaps").isEqualTo(events);
        assertThat(events).as("the making and one event per success")
                .isEqualTo(1 + statuses.get(200));
        Set<Long> versions = new HashSet<>();
        answers.forEach((note, answer) -> {
            long stored = store.count("SELECT count(*) FROM event_store.domain_event_entry "
                    + "WHERE aggregate_identifier = ? AND convert_from(payload, 'UTF8') LIKE ?", commitment,
                    "%\"" + note + "\"%");
            if (answer.status() == 200) {
                long version = answer.json().get("version").asLong();
                assertThat(versions.add(version)).as("one success answer per version: %s", note).isTrue();
                assertThat(store.count("SELECT count(*) FROM event_store.domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND sequence_number = ? "
                        + "AND convert_from(payload, 'UTF8') LIKE ?", commitment, version, "%\"" + note + "\"%"))
                        .as("%s at the version answered", note).isEqualTo(1);
            } else {
                assertThat(stored).as("%s was refused, so it is not stored", note).isZero();
            }
        });

        long last = events - 1;
        TrackerClient.Response review = monitors[1].post(path + "/reviews", "{\"assessment\":\"substantial\"}",
                Map.of("If-Match", "\"" + last + "\""));
        assertThat(review.status()).as(review.body()).isEqualTo(200);
        assertThat(review.json().get("version").asLong()).isEqualTo(last + 1);
        assertThat(monitors[0].post(path + "/reviews", "{\"assessment\":\"limited\"}",
                Map.of("If-Match", "\"" + last + "\"")).status())
                .as("the other instance refuses a write based on the outdated version").isEqualTo(409);
        assertOneSealerSealedEveryEventOnce();
    }

    @Test
    @Order(2)
    void twoQueryServicesShareTheSegmentsAndOneTakesOverWhenTheOtherIsKilled() throws Exception {
        ServiceProcess survivor = queries.get(0);
        ServiceProcess killed = queries.get(1);
        awaitOwners(Set.of(owner(survivor), owner(killed)), Duration.ofSeconds(40));
        List<String> commitments = List.of(create(staff(0), "/api/commitments", commitment()),
                create(staff(1), "/api/commitments", commitment()));

        TrackerClient[] staff = {staff(0), staff(1)};
        TrackerClient[] monitors = {client(0).as("monitor"), client(1).as("monitor")};
        WriteLoad load = new WriteLoad(w -> staff[w % 2], w -> monitors[w % 2], commitments, "two").start(4);
        Thread.sleep(4_000);
        List<WriteLoad.Ack> acks = new ArrayList<>(load.stop());
        assertThat(load.statuses()).as("answers by status: progress on one commitment through two instances may "
                + "conflict").containsOnlyKeys(200, 201, 409);
        store.viewsMatchTheEvents(Duration.ofSeconds(30));
        awaitOwners(Set.of(owner(survivor), owner(killed)), Duration.ZERO);

        killed.kill();
        long killedAt = System.nanoTime();
        WriteLoad more = new WriteLoad(w -> staff[w % 2], w -> monitors[w % 2], commitments, "after").start(4);
        Thread.sleep(3_000);
        acks.addAll(more.stop());
        awaitOwners(Set.of(owner(survivor)), Duration.ofSeconds(30));
        Duration handOver = Duration.ofNanos(System.nanoTime() - killedAt);
        System.out.printf("hand-over after a kill (claim timeout 4 s): %d ms%n", handOver.toMillis());

        assertThat(handOver).as("the survivor took every segment over").isLessThan(Duration.ofSeconds(25));
        store.viewsMatchTheEvents(Duration.ofSeconds(30));
        long last = acks.stream().mapToLong(WriteLoad.Ack::position).max().orElseThrow();
        TrackerClient.Response timeline = TrackerClient.anonymous(commands.getFirst().port(), survivor.port())
                .get("/api/commitments/" + commitments.getLast() + "/timeline?minPosition=" + last);
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);

        ServiceProcess joining = ServiceProcess.start(Service.QUERY, "TwoInstancesIT-query-3", database,
                ServiceProcess.freePort(), QUICK_HAND_OVER);
        queries.add(joining);
        long joinedAt = System.nanoTime();
        awaitOwners(Set.of(owner(survivor), owner(joining)), Duration.ofSeconds(40));
        System.out.printf("a started instance had its share %d ms after it answered its health check%n",
                Duration.ofNanos(System.nanoTime() - joinedAt).toMillis());
        WriteLoad joined = new WriteLoad(w -> staff[w % 2], w -> monitors[w % 2], commitments, "joined").start(4);
        Thread.sleep(2_000);
        joined.stop();
        store.viewsMatchTheEvents(Duration.ofSeconds(30));
    }

    /** Waits until one of {@code owners} claims every segment, and each of them a share of every shared processor. */
    private static void awaitOwners(Set<String> owners, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && !claimedBy(owners)) {
            ServiceProcess.sleep(Duration.ofMillis(200));
        }
        assertThat(store.rows("SELECT processor_name || '/' || segment || ' ' || coalesce(owner, 'nobody'), 1 "
                + "FROM crt_query.token_entry").keySet()).as("segment claims")
                .allMatch(claim -> owners.stream().anyMatch(claim::endsWith));
        for (String processor : SHARED) {
            assertThat(store.strings(OWNERS, processor)).as("the instances processing %s", processor)
                    .containsExactlyInAnyOrderElementsOf(owners);
        }
    }

    private static boolean claimedBy(Set<String> owners) {
        return store.count("SELECT count(*) FROM crt_query.token_entry WHERE owner IS NULL") == 0
                && owners.containsAll(store.strings("SELECT DISTINCT owner FROM crt_query.token_entry"))
                && SHARED.stream().allMatch(processor -> Set.copyOf(store.strings(OWNERS, processor)).equals(owners));
    }

    private static void assertOneSealerSealedEveryEventOnce() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String unsealed = "SELECT count(*) FROM event_store.domain_event_entry e WHERE NOT EXISTS "
                + "(SELECT 1 FROM event_store.event_chain c WHERE c.global_index = e.global_index)";
        while (store.count(unsealed) > 0 && System.nanoTime() < deadline) {
            ServiceProcess.sleep(Duration.ofMillis(200));
        }
        assertThat(store.count(unsealed)).as("events without a chain link").isZero();
        assertThat(store.count("SELECT count(*) FROM event_store.event_chain"))
                .as("one link per event, numbered without gaps")
                .isEqualTo(store.count("SELECT count(*) FROM event_store.domain_event_entry"))
                .isEqualTo(store.count("SELECT max(link_number) FROM event_store.event_chain"));
        assertThat(store.count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))
                .as("one sealer holds the chain lock").isEqualTo(1);
    }

    /** How the token store names the process: Axon's default node id, the JVM's {@code pid@host}. */
    private static String owner(ServiceProcess process) {
        String owner = store.strings("SELECT node_id FROM crt_query.processing_node WHERE node_id LIKE ?",
                process.pid() + "@%").stream().findFirst().orElse(null);
        assertThat(owner).as("instance %s in processing_node", process.pid()).isNotNull();
        return owner;
    }

    private static TrackerClient client(int worker) {
        return TrackerClient.anonymous(commands.get(worker % 2).port(), queries.getFirst().port());
    }

    private static TrackerClient staff(int worker) {
        return client(worker).as("staff");
    }

    private static String commitment() {
        LocalDate today = LocalDate.now(CLUJ);
        return """
                {"leadOrganisationId":"%s","title":"Night shelter","field":"social-support-and-basic-needs",
                 "kind":"provide-support","startDate":"%s","targetDate":"%s",
                 "milestones":[{"id":"open","title":"Open the shelter","dueDate":"%s"}]}"""
                .formatted(lead, today.minusDays(30), today.plusDays(90), today.plusDays(60));
    }

    private static String create(TrackerClient staff, String path, String body) {
        TrackerClient.Response response = staff.post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }
}
