package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ro.cluj.crt.query.QueryServiceApplication;
import ro.cluj.crt.query.config.ProjectionPositions;

/**
 * Nothing lost and nothing doubled by the streaming projections. For {@link #RUN}, writers go through the API (with
 * conflicts that roll back) and straight into the event table in its format (with deliberate rollbacks); other
 * commits are held open, briefly (they commit late and out of order) and for more than twice the gap timeout (the
 * store refuses them); and the processors stop for twice the gap timeout, so that they come back to events older than
 * it. The gap timeout and the store's append time limit are shortened to seconds. Afterwards every projection matches
 * the event table event by event, every acknowledged write is stored, every client held too long got an error, and
 * moving every token back to the start of the run (a replay of everything since) leaves every view as it was. A query
 * service whose gap timeout is not above twice the store's limit refuses to start.
 */
class LossIT {

    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT_HOLD = Duration.ofMillis(400);
    private static final Duration LONG_HOLD = GAP_TIMEOUT.multipliedBy(2).plusMillis(500);
    private static final Duration RUN = Duration.ofSeconds(16);
    private static final List<String> PROCESSORS = List.of("catalogue", "commitments", "process", "recommendations");
    private static final String EVENTS = "event_store.domain_event_entry";
    private static final String LATE_APPEND = "CRT01";

    @RegisterExtension
    static final RunningTracker system = new RunningTracker("--crt.event-store.append-time-limit=" + LIMIT,
            "--crt.query.gap-timeout=" + GAP_TIMEOUT, "--spring.datasource.hikari.maximum-pool-size=10",
            "--spring.datasource.hikari.minimum-idle=2");

    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<String> refusedStatuses = new ConcurrentLinkedQueue<>();
    private final Queue<HeldWrite> heldWrites = new ConcurrentLinkedQueue<>();
    private final Queue<String> committedDirectly = new ConcurrentLinkedQueue<>();
    private final Queue<String> rolledBack = new ConcurrentLinkedQueue<>();
    private final Queue<String> refusedDirectly = new ConcurrentLinkedQueue<>();
    private final Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();

    /** A write the API answered with 200 or 201: the aggregate, the version and the position it answered. */
    record Acknowledged(String aggregate, long version, long position) {
    }

    /** A write held behind a lock for {@code hold}, and the status its client got. */
    record HeldWrite(Duration hold, int status) {
    }

    @Test
    void everyEventReachesEveryProjectionOnceAndAReplayChangesNothing() throws Exception {
        TrackerClient staff = system.client().as("staff");
        TrackerClient monitor = system.client().as("monitor");
        Setup setup = Setup.record(staff, monitor, system.client());
        long runStart = head();

        Instant end = Instant.now().plus(RUN);
        ExecutorService threads = Executors.newCachedThreadPool();
        List<Future<?>> writers = new ArrayList<>();
        for (int writer = 0; writer < 2; writer++) {
            writers.add(threads.submit(guarded(() -> organisationWrites(staff, setup, end))));
        }
        writers.add(threads.submit(guarded(() -> progressReports(monitor, setup.commitments(), end))));
        writers.add(threads.submit(guarded(() -> lessonRevisions(staff, setup.lessons(), end))));
        writers.add(threads.submit(guarded(() -> directAppends(setup.quickCommitment(), end))));
        writers.add(threads.submit(guarded(() -> heldDirectAppends(setup.pairedCommitment(), end))));
        writers.add(threads.submit(guarded(() -> heldApiWrites(staff, monitor, setup, end, threads))));

        Thread.sleep(3_000);
        processors().forEach(StreamingEventProcessor::shutDown);
        Thread.sleep(GAP_TIMEOUT.multipliedBy(2).toMillis());
        processors().forEach(StreamingEventProcessor::start);
        for (Future<?> writer : writers) {
            writer.get(2, TimeUnit.MINUTES);
        }
        threads.shutdown();
        assertThat(unexpected).as("writers failing in ways they should not").isEmpty();

        awaitProjections();
        assertThat(differences()).as("each projection against the event table, event by event").isEmpty();
        assertAcknowledgedWritesStored(setup);
        assertHeldWritesAnswered();
        assertThat(holes(runStart)).as("global_index values left unused by rollbacks and refusals")
                .isGreaterThan(250);

        System.out.printf("LossIT: %d API writes acknowledged, %d refused; %d direct commits, %d rolled back, "
                + "%d refused; %d API writes held (%d long); %d holes%n", acknowledged.size(), refusedStatuses.size(),
                committedDirectly.size(), rolledBack.size(), refusedDirectly.size(), heldWrites.size(),
                heldWrites.stream().filter(held -> held.hold().equals(LONG_HOLD)).count(), holes(runStart));
        Map<String, String> views = viewDigests();
        moveTokensBackTo(runStart);
        awaitProjections();
        assertThat(viewDigests()).as("every view after replaying the run").isEqualTo(views);
        assertThat(differences()).isEmpty();
    }

    @Test
    void theQueryServiceRefusesAGapTimeoutNotAboveTwiceTheStoresLimit() {
        SpringApplicationBuilder queryService = new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties(Map.of("spring.config.name", QueryServiceApplication.CONFIG_NAME));
        assertThatThrownBy(() -> queryService.run("--server.port=0", "--logging.level.root=OFF",
                "--spring.datasource.url=" + system.database.url(),
                "--spring.datasource.username=" + TestDatabase.USER,
                "--crt.security.token-secret=" + RunningTracker.TOKEN_SECRET,
                "--crt.personal-data.master-key=" + RunningTracker.MASTER_KEY,
                "--crt.query.gap-timeout=" + LIMIT.multipliedBy(2)))
                .hasStackTraceContaining("crt.query.gap-timeout is 4000 ms, but the event store lets an append "
                        + "commit up to 2000 ms after it began");
    }

    // ---- the writers ----

    private void organisationWrites(TrackerClient staff, Setup setup, Instant end) {
        for (int n = 0; Instant.now().isBefore(end); n++) {
            String organisation = pick(setup.organisations());
            TrackerClient.Response response = n % 2 == 0
                    ? staff.put("/api/organisations/" + organisation + "/contacts/"
                            + setup.contacts().get(organisation),
                    "{\"name\":\"Ana Pop " + n + "\",\"email\":\"ana." + n + "@example.ro\"}")
                    : staff.post("/api/organisations/" + organisation + "/corrections",
                    "{\"name\":\"Asociatia " + n + "\",\"sector\":\"civil-society\",\"reason\":\"loss test\"}");
            answered(organisation, response);
        }
    }

    private void progressReports(TrackerClient monitor, List<String> commitments, Instant end) {
        while (Instant.now().isBefore(end)) {
            String commitment = pick(commitments);
            answered(commitment, monitor.post("/api/commitments/" + commitment + "/progress",
                    "{\"status\":\"on-track\",\"note\":\"loss test\"}"));
        }
    }

    private void lessonRevisions(TrackerClient staff, List<String> lessons, Instant end) {
        for (int n = 0; Instant.now().isBefore(end); n++) {
            String lesson = pick(lessons);
            answered(lesson, staff.post("/api/lessons/" + lesson + "/revisions",
                    "{\"title\":\"Lesson revised " + n + "\",\"reason\":\"loss test\"}"));
        }
    }

    private void answered(String aggregate, TrackerClient.Response response) {
        if (response.status() == 200 || response.status() == 201) {
            acknowledged.add(new Acknowledged(aggregate, response.json().get("version").asLong(),
                    response.json().get("position").asLong()));
        } else {
            refusedStatuses.add(response.status() + " " + response.json().path("type").asText());
        }
    }

    /** Progress reports appended straight into the event table; about one in two rolled back on purpose. */
    private void directAppends(EventTemplate commitment, Instant end) throws SQLException, InterruptedException {
        try (Connection connection = system.database.connect()) {
            connection.setAutoCommit(false);
            long next = commitment.nextSequence(connection);
            while (Instant.now().isBefore(end)) {
                String event = commitment.append(connection, next);
                Thread.sleep(ThreadLocalRandom.current().nextInt(3));
                if (ThreadLocalRandom.current().nextBoolean()) {
                    connection.rollback();
                    rolledBack.add(event);
                } else {
                    connection.commit();
                    committedDirectly.add(event);
                    next++;
                }
            }
        }
    }

    /**
     * Appends held open: briefly, so they commit late and out of order; and in pairs for more than twice the gap
     * timeout, the later index committing first, as an event that an unguarded reader would skip.
     */
    private void heldDirectAppends(EventTemplate commitment, Instant end) throws SQLException, InterruptedException {
        try (Connection first = system.database.connect(); Connection second = system.database.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            long next = commitment.nextSequence(first);
            first.rollback();
            for (int round = 0; Instant.now().isBefore(end); round++) {
                if (round % 3 == 2) {
                    String lower = commitment.append(first, next);
                    String higher = commitment.append(second, next + 1);
                    Thread.sleep(LONG_HOLD.toMillis() - 2_000);
                    commitRefused(second, higher);
                    Thread.sleep(2_000);
                    commitRefused(first, lower);
                    next = commitment.nextSequence(first);
                    first.rollback();
                } else {
                    String event = commitment.append(first, next);
                    Thread.sleep(SHORT_HOLD.toMillis());
                    first.commit();
                    committedDirectly.add(event);
                    next++;
                }
            }
        }
    }

    private void commitRefused(Connection connection, String event) throws SQLException {
        try {
            connection.commit();
            throw new AssertionError("a commit held for " + LONG_HOLD + " was accepted");
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(LATE_APPEND);
            refusedDirectly.add(event);
            connection.rollback();
        }
    }

    /**
     * API writes held inside their transaction: a blocker takes the aggregate's next sequence number first, so the
     * write gets its global index and then waits on the unique key until the blocker rolls back. Nothing else writes
     * these aggregates.
     */
    private void heldApiWrites(TrackerClient staff, TrackerClient monitor, Setup setup, Instant end,
                               ExecutorService threads) throws Exception {
        try (Connection blocker = system.database.connect(); Connection watcher = system.database.connect()) {
            blocker.setAutoCommit(false);
            for (int round = 0; Instant.now().isBefore(end); round++) {
                Duration hold = round % 3 == 2 ? LONG_HOLD : SHORT_HOLD;
                String aggregate;
                Supplier<TrackerClient.Response> write;
                if (round % 2 == 0) {
                    aggregate = setup.heldOrganisation();
                    write = () -> staff.post("/api/organisations/" + aggregate + "/corrections",
                            "{\"name\":\"Asociatia tinuta\",\"sector\":\"civil-society\",\"reason\":\"held\"}");
                } else {
                    aggregate = setup.heldCommitment();
                    write = () -> monitor.post("/api/commitments/" + aggregate + "/progress",
                            "{\"status\":\"at-risk\",\"note\":\"held\"}");
                }
                EventTemplate.latestOf(blocker, aggregate).append(blocker,
                        EventTemplate.nextSequence(blocker, aggregate));
                CompletableFuture<TrackerClient.Response> answer = CompletableFuture.supplyAsync(write, threads);
                assertThat(awaitBlocked(watcher, blocker)).as("the write waits for the blocker").isTrue();
                Thread.sleep(hold.toMillis());
                blocker.rollback();
                TrackerClient.Response response = answer.get(1, TimeUnit.MINUTES);
                heldWrites.add(new HeldWrite(hold, response.status()));
                answered(aggregate, response);
            }
        }
    }

    /** Whether another session came to wait on the blocker's transaction (a write of the same aggregate). */
    private static boolean awaitBlocked(Connection watcher, Connection blocker)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        try (PreparedStatement waiting = watcher.prepareStatement("""
                SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))
                  AND query LIKE 'INSERT INTO event_store.domain_event_entry%'""")) {
            waiting.setInt(1, backendPid(blocker));
            while (System.nanoTime() < deadline) {
                try (ResultSet result = waiting.executeQuery()) {
                    result.next();
                    if (result.getLong(1) > 0) {
                        return true;
                    }
                }
                Thread.sleep(20);
            }
            return false;
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    private Runnable guarded(Action action) {
        return () -> {
            try {
                action.run();
            } catch (Throwable e) {
                unexpected.add(e);
            }
        };
    }

    interface Action {
        void run() throws Exception;
    }

    private static String pick(List<String> choices) {
        return choices.get(ThreadLocalRandom.current().nextInt(choices.size()));
    }

    // ---- the checks ----

    private void assertAcknowledgedWritesStored(Setup setup) throws SQLException {
        assertThat(acknowledged).as("writes acknowledged").hasSizeGreaterThan(100);
        try (Connection connection = system.database.connect();
             PreparedStatement stored = connection.prepareStatement("SELECT global_index FROM " + EVENTS
                     + " WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            for (Acknowledged write : acknowledged) {
                stored.setString(1, write.aggregate());
                stored.setLong(2, write.version());
                try (ResultSet result = stored.executeQuery()) {
                    assertThat(result.next()).as("acknowledged %s is stored", write).isTrue();
                    assertThat(result.getLong(1)).as("position of %s", write).isEqualTo(write.position());
                }
            }
        }
        assertThat(storedAmong(committedDirectly)).as("direct appends that committed").isEqualTo(
                committedDirectly.size());
        assertThat(storedAmong(rolledBack)).as("direct appends rolled back").isZero();
        assertThat(storedAmong(refusedDirectly)).as("direct appends refused for committing late").isZero();
        assertThat(rolledBack).hasSizeGreaterThan(100);
        assertThat(refusedDirectly).as("direct appends held too long, each refused with " + LATE_APPEND)
                .hasSizeGreaterThanOrEqualTo(2);
    }

    private void assertHeldWritesAnswered() {
        List<HeldWrite> late = heldWrites.stream().filter(held -> held.hold().equals(LONG_HOLD)).toList();
        List<HeldWrite> brief = heldWrites.stream().filter(held -> held.hold().equals(SHORT_HOLD)).toList();
        assertThat(late).as("API writes held for twice the gap timeout").isNotEmpty()
                .allSatisfy(held -> assertThat(held.status()).as("told to send it again").isEqualTo(503));
        assertThat(brief).as("API writes held briefly, committing late and out of order")
                .anySatisfy(held -> assertThat(held.status()).isEqualTo(200));
        assertThat(refusedStatuses).as("why writes were refused").allSatisfy(status ->
                assertThat(status).matches("409 /problems/concurrent-change|503 /problems/commit-too-late"));
    }

    private long storedAmong(Collection<String> events) throws SQLException {
        try (Connection connection = system.database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM " + EVENTS + " WHERE event_identifier = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", events.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * Everything in which a view disagrees with the event table: per aggregate, the version a view row remembers
     * against the stored last sequence number; per event, the row that views keep one of for each event.
     */
    private static List<String> differences() throws SQLException {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("organisation versions", versions("Organisation", "organisation", "organisation_id", "version"));
        checks.put("interview versions", versions("Interview", "interview", "interview_id", "version"));
        checks.put("lesson versions", versions("Lesson", "lesson", "lesson_id", "last_sequence"));
        checks.put("dashboard versions", versions("Commitment", "commitment_dashboard", "commitment_id",
                "last_sequence"));
        checks.put("recommendation versions", versions("Recommendation", "recommendation", "recommendation_id",
                "version"));
        checks.put("person records, one per contact event", oneRowEach("""
                SELECT aggregate_identifier, sequence_number, '' FROM event_store.domain_event_entry
                WHERE payload_type IN ('ro.cluj.crt.events.organisation.ContactPersonRecorded',
                                       'ro.cluj.crt.events.organisation.ContactPersonChanged')""",
                "SELECT organisation_id, organisation_version, '' FROM crt_query.person_record"));
        checks.put("commitment timeline, one row per event", oneRowEach("""
                SELECT aggregate_identifier, sequence_number,
                       CASE WHEN meta_data IS NOT NULL
                            AND convert_from(meta_data, 'UTF8')::jsonb ->> 'reason' = event_identifier
                            THEN event_identifier ELSE '' END
                FROM event_store.domain_event_entry WHERE type = 'Commitment'""", """
                SELECT commitment_id, sequence_number,
                       CASE WHEN reason ~ '^[0-9a-f-]{36}$' THEN reason ELSE '' END
                FROM crt_query.commitment_timeline"""));
        checks.put("triage, one row per triage event", oneRowEach("""
                SELECT aggregate_identifier, sequence_number, '' FROM event_store.domain_event_entry
                WHERE payload_type LIKE 'ro.cluj.crt.events.recommendation.Recommendation%Triaged'""",
                "SELECT recommendation_id, sequence_number, '' FROM crt_query.recommendation_triage"));
        List<String> differences = new ArrayList<>();
        try (Connection connection = system.database.connect(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> check : checks.entrySet()) {
                try (ResultSet result = statement.executeQuery(check.getValue())) {
                    while (result.next()) {
                        differences.add(check.getKey() + ": " + result.getString(1));
                    }
                }
            }
        }
        return differences;
    }

    private static String versions(String aggregateType, String table, String id, String version) {
        return """
                SELECT coalesce(e.aggregate_identifier, v.%3$s) || ' stored up to ' || coalesce(e.last::text, '-')
                       || ', view at ' || coalesce(v.%4$s::text, '-')
                FROM (SELECT aggregate_identifier, max(sequence_number) AS last FROM event_store.domain_event_entry
                      WHERE type = '%1$s' GROUP BY aggregate_identifier) e
                FULL JOIN crt_query.%2$s v ON v.%3$s = e.aggregate_identifier
                WHERE v.%4$s IS DISTINCT FROM e.last""".formatted(aggregateType, table, id, version);
    }

    private static String oneRowEach(String stored, String viewed) {
        return """
                WITH stored (aggregate, sequence, mark) AS (%s), viewed (aggregate, sequence, mark) AS (%s)
                (SELECT 'missing ' || aggregate || '/' || sequence || ' ' || mark FROM stored
                 EXCEPT ALL SELECT 'missing ' || aggregate || '/' || sequence || ' ' || mark FROM viewed)
                UNION ALL
                (SELECT 'extra ' || aggregate || '/' || sequence || ' ' || mark FROM viewed
                 EXCEPT ALL SELECT 'extra ' || aggregate || '/' || sequence || ' ' || mark FROM stored)"""
                .formatted(stored, viewed);
    }

    /** Unused global_index values since {@code position}: rolled back, refused, or taken by a blocker. */
    private static long holes(long position) throws SQLException {
        return system.count("SELECT max(global_index) - " + position + " - count(*) FROM " + EVENTS
                + " WHERE global_index > " + position);
    }

    private static long head() {
        return system.count("SELECT coalesce(max(global_index), 0) FROM " + EVENTS);
    }

    /** Waits until every processor's token covers the newest event, and then for the views to settle. */
    private static void awaitProjections() throws Exception {
        ProjectionPositions positions = queryService().getBean(ProjectionPositions.class);
        long head = head();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (PROCESSORS.stream().anyMatch(name -> positions.position(name) < head)) {
            assertThat(System.nanoTime()).as("projections caught up with %d", head).isLessThan(deadline);
            Thread.sleep(100);
        }
        // an event that committed into a gap arrives later than the events above it; a skipped one never does
        for (int wait = 0; wait < 40 && !differences().isEmpty(); wait++) {
            Thread.sleep(250);
        }
    }

    /** A digest of every view table's rows, by table (not the tokens, nor the instances' heartbeats). */
    private static Map<String, String> viewDigests() throws SQLException {
        Map<String, String> digests = new LinkedHashMap<>();
        try (Connection connection = system.database.connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = 'crt_query' AND table_type = 'BASE TABLE'
                      AND table_name NOT IN ('token_entry', 'processing_node', 'flyway_schema_history')
                    ORDER BY table_name""")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet result = statement.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg("
                        + "t::text, E'\\n' ORDER BY t::text)), '') FROM crt_query." + table + " t")) {
                    result.next();
                    digests.put(table, result.getString(1));
                }
            }
        }
        return digests;
    }

    /** Stops each processor, sets every segment's token to {@code position} and starts it again. */
    private static void moveTokensBackTo(long position) {
        TokenStore tokens = queryService().getBean(TokenStore.class);
        TransactionManager transactions = queryService().getBean(TransactionManager.class);
        for (StreamingEventProcessor processor : processors()) {
            processor.shutDown();
            transactions.executeInTransaction(() -> {
                for (int segment : tokens.fetchSegments(processor.getName())) {
                    tokens.fetchToken(processor.getName(), segment);
                    tokens.storeToken(GapAwareTrackingToken.newInstance(position, Set.of()), processor.getName(),
                            segment);
                    tokens.releaseClaim(processor.getName(), segment);
                }
            });
            processor.start();
        }
    }

    private static List<StreamingEventProcessor> processors() {
        EventProcessingConfiguration processing = queryService().getBean(EventProcessingConfiguration.class);
        return PROCESSORS.stream()
                .map(name -> processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow())
                .toList();
    }

    private static ConfigurableApplicationContext queryService() {
        return system.tracker.queryService();
    }

    // ---- what the writers work on ----

    /** An existing event copied as a new event of the same aggregate, with its own id as the reason. */
    record EventTemplate(String aggregate, String eventIdentifier) {

        static EventTemplate latestOf(Connection connection, String aggregate) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement("SELECT event_identifier FROM " + EVENTS
                    + " WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1")) {
                query.setString(1, aggregate);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    return new EventTemplate(aggregate, result.getString(1));
                }
            }
        }

        static long nextSequence(Connection connection, String aggregate) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT max(sequence_number) + 1 FROM " + EVENTS + " WHERE aggregate_identifier = ?")) {
                query.setString(1, aggregate);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        }

        long nextSequence(Connection connection) throws SQLException {
            return nextSequence(connection, aggregate);
        }

        /** Inserts the copy at {@code sequence} in the connection's open transaction; answers its event id. */
        String append(Connection connection, long sequence) throws SQLException {
            String event = UUID.randomUUID().toString();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + EVENTS + """
                     (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                      payload_revision, payload, meta_data)
                    SELECT ?, aggregate_identifier, ?, type, ?, payload_type, payload_revision, payload,
                           convert_to(jsonb_set(convert_from(meta_data, 'UTF8')::jsonb, '{reason}',
                                                to_jsonb(?::text))::text, 'UTF8')
                    FROM event_store.domain_event_entry WHERE event_identifier = ?""")) {
                insert.setString(1, event);
                insert.setLong(2, sequence);
                insert.setString(3, DateTimeUtils.formatInstant(Instant.now()));
                insert.setString(4, event);
                insert.setString(5, eventIdentifier);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            return event;
        }
    }

    /**
     * Organisations with a contact each, an interview, lessons, commitments and triaged recommendations; the writers
     * that hold commits work on aggregates of their own, so that what holds a write is only their blocker.
     */
    record Setup(List<String> organisations, Map<String, String> contacts, List<String> lessons,
                 List<String> commitments, EventTemplate quickCommitment, EventTemplate pairedCommitment,
                 String heldOrganisation, String heldCommitment) {

        static Setup record(TrackerClient staff, TrackerClient monitor, TrackerClient anyone) throws SQLException {
            List<String> organisations = new ArrayList<>();
            Map<String, String> contacts = new LinkedHashMap<>();
            for (int n = 0; n < 4; n++) {
                String organisation = id(staff.post("/api/organisations",
                        "{\"name\":\"Asociatia " + n + "\",\"sector\":\"civil-society\"}"), 201);
                organisations.add(organisation);
                TrackerClient.Response contact = staff.post("/api/organisations/" + organisation + "/contacts",
                        "{\"name\":\"Ana Pop\",\"email\":\"ana@example.ro\"}");
                assertThat(contact.status()).as(contact.body()).isEqualTo(201);
                contacts.put(organisation, contact.json().get("personId").asText());
            }
            String interview = id(staff.post("/api/organisations/" + organisations.getFirst() + "/interviews", """
                    {"date":"2020-04-02","channel":"phone","consent":"publish",
                     "measures":[{"field":"social-support-and-basic-needs","description":"Food parcels"}]}"""),
                    201);
            List<String> lessons = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                lessons.add(id(staff.post("/api/lessons", """
                        {"title":"Lesson %d","text":"What was learned.","field":"social-support-and-basic-needs",
                         "lessonClass":"scale","sources":[{"interviewId":"%s"}]}""".formatted(n, interview)), 201));
            }
            List<String> commitments = new ArrayList<>();
            for (int n = 0; n < 6; n++) {
                commitments.add(commitment(staff, monitor, organisations.getFirst(), n));
            }
            for (int n = 0; n < 3; n++) {
                String recommendation = id(anyone.post("/api/recommendations", """
                        {"what":"Mobile library %d","whoRunsIt":"Asociatia Vecinilor","howToReachThem":"at the hall",
                         "field":"culture","recommender":{"name":"Ileana","contact":"ileana@example.ro"},
                         "consentToContact":true}""".formatted(n)), 201);
                id(staff.post("/api/recommendations/" + recommendation + "/triage",
                        "{\"decision\":\"out-of-scope\",\"reason\":\"loss test\"}"), 200);
            }
            try (Connection connection = system.database.connect()) {
                return new Setup(organisations.subList(0, 3), contacts, lessons, commitments.subList(0, 3),
                        EventTemplate.latestOf(connection, commitments.get(3)),
                        EventTemplate.latestOf(connection, commitments.get(4)), organisations.get(3),
                        commitments.get(5));
            }
        }

        /** A commitment with one progress report, whose event the direct writers copy. */
        private static String commitment(TrackerClient staff, TrackerClient monitor, String lead, int n) {
            LocalDate today = LocalDate.now();
            String commitment = id(staff.post("/api/commitments", """
                    {"leadOrganisationId":"%s","title":"Commitment %d","field":"social-support-and-basic-needs",
                     "kind":"scale-service","startDate":"%s","targetDate":"%s","milestones":[]}"""
                    .formatted(lead, n, today.minusMonths(1), today.plusYears(2))), 201);
            id(monitor.post("/api/commitments/" + commitment + "/progress",
                    "{\"status\":\"on-track\",\"note\":\"started\"}"), 200);
            return commitment;
        }

        private static String id(TrackerClient.Response response, int status) {
            assertThat(response.status()).as(response.body()).isEqualTo(status);
            return response.json().get("id").asText();
        }
    }
}
