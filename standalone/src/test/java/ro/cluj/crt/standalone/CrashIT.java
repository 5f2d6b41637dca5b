package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import ro.cluj.crt.standalone.ServiceProcess.Service;

/**
 * A service killed with SIGKILL while clients write, then started again as a new process: every write that was
 * answered with success is in the event store once and in the views, none is applied twice, and a deadline scheduled
 * before the crash fires once after it. Both services run as processes of their own, from their executable jars, on
 * one database for the class: first the command service is killed, then the query service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashIT {

    private static final ZoneId CLUJ = ZoneId.of("Europe/Bucharest");
    private static final int WORKERS = 6;
    private static final Duration LOAD = Duration.ofSeconds(5);
    private static final LocalDate TODAY = LocalDate.now(CLUJ);

    private static final List<ServiceProcess> processes = new ArrayList<>();
    private static TestDatabase database;
    private static StoreChecks store;
    private static int commandPort;
    private static int queryPort;
    private static ServiceProcess command;
    private static ServiceProcess query;
    private static TrackerClient staff;
    private static TrackerClient monitor;
    private static String lead;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        store = new StoreChecks(database);
        commandPort = ServiceProcess.freePort();
        queryPort = ServiceProcess.freePort();
        CompletableFuture<ServiceProcess> queries = CompletableFuture.supplyAsync(() -> started(
                ServiceProcess.start(Service.QUERY, "CrashIT-query-1", database, queryPort)));
        // The first process looks for due deadlines only hourly: one due at once waits in the table for the kill.
        command = started(ServiceProcess.start(Service.COMMAND, "CrashIT-command-1", database, commandPort,
                "--db-scheduler.polling-interval=1h", "--db-scheduler.immediate-execution-enabled=false"));
        query = queries.join();
        staff = TrackerClient.anonymous(commandPort, queryPort).as("staff");
        monitor = TrackerClient.anonymous(commandPort, queryPort).as("monitor");
        lead = create("/api/organisations", "{\"name\":\"Primaria\",\"sector\":\"public-authority\","
                + "\"authorityLevel\":\"local\"}");
    }

    @AfterAll
    static void stop() {
        processes.forEach(ServiceProcess::close);
        store.close();
        database.close();
    }

    @Test
    @Order(1)
    void aKilledCommandServiceLosesNoAnsweredWriteAndItsDeadlinesFireOnceAfterTheRestart() throws Exception {
        String missedYesterday = create("/api/commitments", commitment(TODAY.minusDays(1)));
        List<String> commitments = List.of(create("/api/commitments", commitment(null)),
                create("/api/commitments", commitment(null)));
        assertThat(store.count("SELECT count(*) FROM event_store.scheduled_tasks WHERE execution_time < now()"))
                .as("the deadline of the milestone due yesterday, stored and due").isEqualTo(1);
        long organisations = organisations();
        long interviews = interviews();

        WriteLoad load = new WriteLoad(w -> staff, w -> monitor, commitments, "c").start(WORKERS);
        Thread.sleep(LOAD);
        command.kill();
        long storedAtKill = store.count("SELECT max(global_index) FROM event_store.domain_event_entry");
        assertThat(missed(missedYesterday)).as("the deadline has not fired before the kill").isZero();
        command = started(ServiceProcess.start(Service.COMMAND, "CrashIT-command-2", database, commandPort,
                "--db-scheduler.polling-interval=1s"));
        Thread.sleep(LOAD);
        List<WriteLoad.Ack> acks = load.stop();

        assertThat(load.lostAnswers()).as("writes cut off by the kill").isPositive();
        assertThat(load.statuses()).as("answers by status").containsOnlyKeys(200, 201);
        assertThat(acks).as("writes answered after the restart").anyMatch(ack -> ack.position() > storedAtKill);
        store.everyAnsweredWriteStoredOnce(acks, organisations, interviews);
        store.viewsMatchTheEvents(Duration.ofSeconds(30));
        assertReadYourWrites(commitments.getFirst(), acks);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (missed(missedYesterday) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(missed(missedYesterday)).as("the deadline fired after the restart").isEqualTo(1);
        Thread.sleep(3_000);
        assertThat(missed(missedYesterday)).as("the deadline fired once").isEqualTo(1);
        assertThat(store.count("SELECT count(*) FROM event_store.scheduled_tasks WHERE execution_time < now()"))
                .as("deadlines left due").isZero();
    }

    @Test
    @Order(2)
    void aKilledQueryServiceResumesAndEveryViewMatchesTheEvents() throws Exception {
        List<String> commitments = List.of(create("/api/commitments", commitment(null)),
                create("/api/commitments", commitment(null)), create("/api/commitments", commitment(null)));
        long organisations = organisations();
        long interviews = interviews();

        WriteLoad load = new WriteLoad(w -> staff, w -> monitor, commitments, "q").start(WORKERS);
        Thread.sleep(LOAD);
        query.kill();
        long appliedAtKill = store.count("SELECT count(*) FROM crt_query.commitment_timeline");
        long storedAtKill = store.count("SELECT max(global_index) FROM event_store.domain_event_entry");
        query = started(ServiceProcess.start(Service.QUERY, "CrashIT-query-2", database, queryPort));
        Thread.sleep(LOAD);
        List<WriteLoad.Ack> acks = load.stop();

        assertThat(appliedAtKill).as("the views were being written when the query service was killed").isPositive();
        assertThat(acks).as("writes answered after the kill").anyMatch(ack -> ack.position() > storedAtKill);
        assertThat(load.statuses()).as("answers by status").containsOnlyKeys(200, 201);
        store.everyAnsweredWriteStoredOnce(acks, organisations, interviews);
        store.viewsMatchTheEvents(Duration.ofSeconds(45));
        assertReadYourWrites(commitments.getLast(), acks);
    }

    /** The read API answers a read at the last answered position with the commitment's whole history. */
    private static void assertReadYourWrites(String commitment, List<WriteLoad.Ack> acks) {
        long last = acks.stream().mapToLong(WriteLoad.Ack::position).max().orElseThrow();
        TrackerClient.Response timeline = TrackerClient.anonymous(commandPort, queryPort)
                .get("/api/commitments/" + commitment + "/timeline?minPosition=" + last);
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        assertThat(timeline.json().get("entries").size()).as("the whole history of " + commitment)
                .isEqualTo(store.count("SELECT count(*) FROM event_store.domain_event_entry "
                        + "WHERE aggregate_identifier = ?", commitment));
    }

    private static ServiceProcess started(ServiceProcess process) {
        synchronized (processes) {
            processes.add(process);
        }
        return process;
    }

    /** A commitment of the lead organisation with a milestone due on {@code due}, or two months away. */
    private static String commitment(LocalDate due) {
        return """
                {"leadOrganisationId":"%s","title":"Night shelter","field":"social-support-and-basic-needs",
                 "kind":"provide-support","startDate":"%s","targetDate":"%s",
                 "milestones":[{"id":"open","title":"Open the shelter","dueDate":"%s"}]}"""
                .formatted(lead, TODAY.minusDays(30), TODAY.plusDays(90), due == null ? TODAY.plusDays(60) : due);
    }

    private static String create(String path, String body) {
        TrackerClient.Response response = staff.post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static long organisations() {
        return store.count("SELECT count(*) FROM event_store.domain_event_entry WHERE type = 'Organisation' "
                + "AND sequence_number = 0");
    }

    private static long interviews() {
        return store.count("SELECT count(*) FROM event_store.domain_event_entry WHERE type = 'Interview' "
                + "AND sequence_number = 0");
    }

    private static long missed(String commitment) {
        return store.count("SELECT count(*) FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%MilestoneMissed'", commitment);
    }

}
