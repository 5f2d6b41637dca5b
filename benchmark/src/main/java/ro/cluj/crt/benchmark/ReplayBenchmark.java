package ro.cluj.crt.benchmark;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import ro.cluj.crt.command.CommandServiceApplication;
import ro.cluj.crt.events.interview.InterviewRecorded;
import ro.cluj.crt.events.organisation.OrganisationRegistered;
import ro.cluj.crt.query.QueryServiceApplication;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.config.ProjectionPositions;

/**
 * Measures how fast the query service rebuilds its catalogue view from a long history (a million events by default),
 * beside a hand-written rebuild of the same view ({@link CatalogueRebuild}), and how much heap the service needs
 * meanwhile. A short history is recorded through the command service's API and gateway; the query service starts on
 * it, catches up, and its processors are stopped; then the history is multiplied in bulk inside PostgreSQL (see
 * {@link HistoryMultiplier}). The command service is stopped before anything is measured, so the heap figures are the
 * query service's. Measured in turns: the hand-written rebuild (B1), the tracker's own rebuild through its admin API
 * (the figure, with the heap sampled), the hand-written rebuild again (B2); after each, the catalogue's tables are
 * digested, and the three must hold the same rows.
 *
 * <p>Exits 0 when the rebuild caught up and the three rebuilds wrote the same rows, 1 otherwise, 2 when the run
 * could not be set up.
 */
final class ReplayBenchmark {

    /** Fewer events than this would not be a history worth timing. */
    static final long MINIMUM_EVENTS = 1_000;
    /** The ceiling for the query service's heap during a million-event replay. */
    static final long HEAP_LIMIT = 512L * 1024 * 1024;
    private static final double TARGET_RATIO = 0.5;
    private static final int ORGANISATIONS = 20;
    private static final int INTERVIEWS_PER_ORGANISATION = 10;
    private static final int COMMITMENTS = 30;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CATCH_UP = Duration.ofMinutes(40);
    private static final Duration DEADLINES_DUE = Duration.ofMinutes(2);
    private static final Duration FULL_COLLECTION_EVERY = Duration.ofSeconds(10);
    private static final String SCHEMA = "crt_query";
    private static final String ROW = "%-4s %-58s %10s %9s %10s %7s%n";
    private static final long MIB = 1024 * 1024;

    private final Settings settings;
    private final List<String> problems = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private final double loadBefore = Report.loadAverage();
    private BenchDatabase database;
    private ServiceUnderTest commands;
    private ServiceUnderTest queries;
    private HttpWorkload staff;
    private HttpClient admin;
    private Connection sql;
    private HeapSampler sampler;
    private Duration recording;
    private List<SummaryRow> summary = List.of();

    ReplayBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** What the seeding did and how long it took. */
    private record Seeding(long recorded, Duration recording, HistoryMultiplier.Result copied, Duration copying) {
    }

    /** The tracker's rebuild: how long from the admin request until the catalogue had applied the last event. */
    private record Replay(long events, Duration elapsed) {

        double perSecond() {
            return events / (elapsed.toNanos() / 1e9);
        }
    }

    int runAndCleanUp() {
        return Cleanup.exitStatus(() -> {
            database = BenchDatabase.create(settings.serverUrl());
            progress("created database " + database.name());
            measure();
            return problems.isEmpty();
        }, this::cleanUp);
    }

    /**
     * The rows this run adds to the table of a full run: the rebuild's events per second beside the hand-written
     * rebuild's (target at least {@value #TARGET_RATIO}), and the peak heap after full collections during the rebuild
     * beside the 512 MiB ceiling. Empty until {@link #runAndCleanUp()} has measured them.
     */
    List<SummaryRow> summaryRows() {
        return summary;
    }

    private void measure() throws Exception {
        ServiceUnderTest.Secrets secrets = ServiceUnderTest.Secrets.generate();
        String adminToken = seedThroughService(secrets);
        startQueriesAndStopTheirProcessors(secrets);
        Seeding seeding = seedInBulk();
        long last = single("SELECT max(global_index) FROM " + BenchDatabase.EVENT_TABLE);
        long events = single("SELECT count(*) FROM " + BenchDatabase.EVENT_TABLE);
        Map<String, Long> mix = mix();
        CatalogueRebuild byHand = new CatalogueRebuild(database.url(), SCHEMA);
        CatalogueRebuild.Result b1 = baseline("B1", byHand, events);
        Map<String, String> byHandRows = CatalogueRebuild.digest(sql, SCHEMA);
        long residue = heapAfterFullCollection();
        sampler = new HeapSampler(FULL_COLLECTION_EVERY);
        Replay rebuild = rebuildCatalogue(adminToken, last, events);
        HeapSampler.Peaks peaks = sampler.stop();
        Map<String, String> trackerRows = CatalogueRebuild.digest(sql, SCHEMA);
        checkViews();
        compare("B1 and the tracker's rebuild", byHandRows, trackerRows);
        CatalogueRebuild.Result b2 = baseline("B2", byHand, events);
        compare("the tracker's rebuild and B2", trackerRows, CatalogueRebuild.digest(sql, SCHEMA));
        double baseline = (b1.perSecond(events) + b2.perSecond(events)) / 2;
        summary = List.of(
                SummaryRow.atLeast(String.format(Locale.ROOT, "projection replay (catalogue), %,d events", events),
                        rebuild.perSecond(), baseline, "events/s", TARGET_RATIO),
                SummaryRow.atMost(String.format(Locale.ROOT, "query-service heap, %,d-event replay, after full GC",
                                events), peaks.afterFullCollection() / MIB + " MiB", HEAP_LIMIT / MIB + " MiB",
                        peaks.afterFullCollection() / (double) HEAP_LIMIT, 1.0));
        report(seeding, events, last, mix, List.of(b1, b2), rebuild, trackerRows, peaks, residue);
    }

    /**
     * Starts the command service, records organisations, interviews and commitments through it, waits for its
     * deadlines that are already due, takes an admin token for the rebuild, and stops it; answers the token.
     */
    private String seedThroughService(ServiceUnderTest.Secrets secrets) throws Exception {
        long began = System.nanoTime();
        commands = ServiceUnderTest.start(CommandServiceApplication.class, CommandServiceApplication.CONFIG_NAME,
                database.url(), secrets);
        staff = new HttpWorkload(commands.port());
        staff.logIn(1);
        List<String> organisations = new ArrayList<>();
        for (int i = 0; i < ORGANISATIONS; i++) {
            String organisation = staff.registerOrganisation();
            organisations.add(organisation);
            Operation interview = staff.workers(organisation).getFirst();
            for (int j = 0; j < INTERVIEWS_PER_ORGANISATION; j++) {
                interview.perform();
            }
        }
        new CommitmentSeeder(commands.bean(CommandGateway.class), staff.accountId())
                .seed(COMMITMENTS, organisations, settings.concurrency());
        sql = DriverManager.getConnection(database.url(), BenchDatabase.USER, "");
        awaitDueDeadlines();
        String token = staff.accessToken(Bodies.ADMIN_LOGIN);
        staff.close();
        staff = null;
        commands.close();
        commands = null;
        recording = Duration.ofNanos(System.nanoTime() - began);
        progress(String.format(Locale.ROOT, "recorded %,d events through the command service in %.1f s; stopped it",
                single("SELECT count(*) FROM " + BenchDatabase.EVENT_TABLE), recording.toNanos() / 1e9));
        return token;
    }

    /** Milestones already past when a commitment is made are recorded missed by a deadline; let those fire. */
    private void awaitDueDeadlines() throws Exception {
        long deadline = System.nanoTime() + DEADLINES_DUE.toNanos();
        while (single("SELECT count(*) FROM event_store.scheduled_tasks WHERE execution_time <= now()") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("deadlines still due after " + DEADLINES_DUE);
            }
            Thread.sleep(POLL);
        }
    }

    private Seeding seedInBulk() throws SQLException {
        long recorded = single("SELECT count(*) FROM " + BenchDatabase.EVENT_TABLE);
        long began = System.nanoTime();
        HistoryMultiplier.Result copied = new HistoryMultiplier(sql, ReplayBenchmark::progress)
                .multiply(settings.events());
        Duration copying = Duration.ofNanos(System.nanoTime() - began);
        progress(String.format(Locale.ROOT, "multiplied %,d recorded events %,d times to %,d in %.1f s", recorded,
                copied.copies(), copied.total(), copying.toNanos() / 1e9));
        return new Seeding(recorded, recording, copied, copying);
    }

    /** The stored events by payload type (simple name), most frequent first. */
    private Map<String, Long> mix() throws SQLException {
        Map<String, Long> mix = new LinkedHashMap<>();
        try (Statement statement = sql.createStatement();
             ResultSet rows = statement.executeQuery("SELECT regexp_replace(payload_type, '^.*\\.', ''), count(*)"
                     + " FROM " + BenchDatabase.EVENT_TABLE + " GROUP BY 1 ORDER BY 2 DESC, 1")) {
            while (rows.next()) {
                mix.put(rows.getString(1), rows.getLong(2));
            }
        }
        return mix;
    }

    /**
     * Starts the query service on the short history, waits until every streaming processor has applied it, and stops
     * them all, so that none follows the bulk copy: the catalogue is then replayed only when measured, and the other
     * views (never replayed here) take neither cores nor heap from it.
     */
    private void startQueriesAndStopTheirProcessors(ServiceUnderTest.Secrets secrets) throws Exception {
        queries = ServiceUnderTest.start(QueryServiceApplication.class, QueryServiceApplication.CONFIG_NAME,
                database.url(), secrets);
        long last = single("SELECT max(global_index) FROM " + BenchDatabase.EVENT_TABLE);
        awaitAll(processors(), System.nanoTime(), last);
        EventProcessingConfiguration processing = queries.bean(EventProcessingConfiguration.class);
        for (String processor : processors()) {
            processing.eventProcessor(processor).ifPresent(found -> found.shutDown());
        }
        progress("query service started, caught up with the short history; stopped its processors " + processors());
    }

    /** A hand-written rebuild of the catalogue, timed, with its rate over the events in the store. */
    private CatalogueRebuild.Result baseline(String key, CatalogueRebuild byHand, long events) throws SQLException {
        CatalogueRebuild.Result result = byHand.run();
        progress(String.format(Locale.ROOT, "%-3s hand-written rebuild of the catalogue from %,d of its events in "
                + "%.1f s: %,.0f store events/s", key, result.events(), result.elapsed().toNanos() / 1e9,
                result.perSecond(events)));
        return result;
    }

    /** The query service's streaming processors, by name. */
    private List<String> processors() {
        List<String> names = new ArrayList<>();
        queries.bean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                names.add(name);
            }
        });
        return List.copyOf(new TreeSet<>(names));
    }

    /** Polls the processors' tokens until each has applied the event at {@code last}; the time each one took. */
    private Map<String, Duration> awaitAll(List<String> processors, long began, long last) throws Exception {
        ProjectionPositions positions = queries.bean(ProjectionPositions.class);
        Map<String, Duration> done = new LinkedHashMap<>();
        long deadline = began + CATCH_UP.toNanos();
        long shown = System.nanoTime();
        while (done.size() < processors.size()) {
            for (String processor : processors) {
                if (!done.containsKey(processor) && positions.position(processor) >= last) {
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
                    done.put(processor, elapsed);
                    progress(String.format(Locale.ROOT, "%s applied position %,d after %.1f s", processor, last,
                            elapsed.toNanos() / 1e9));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("processors still behind after " + CATCH_UP + ": "
                        + processors.stream().filter(p -> !done.containsKey(p)).toList());
            }
            if (System.nanoTime() - shown > Duration.ofSeconds(30).toNanos()) {
                shown = System.nanoTime();
                progress(String.format(Locale.ROOT, "catalogue at position %,d of %,d",
                        positions.position(CatalogueProjection.PROCESSING_GROUP), last));
            }
            Thread.sleep(POLL);
        }
        return done;
    }

    /** The figure: the admin API rebuilds the catalogue (reset handlers, then a replay from the first event). */
    private Replay rebuildCatalogue(String adminToken, long last, long events) throws Exception {
        admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest rebuild = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + queries.port()
                        + "/api/admin/projections/" + CatalogueProjection.PROCESSING_GROUP + "/rebuild"))
                .header("Authorization", "Bearer " + adminToken).timeout(CATCH_UP)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        long began = System.nanoTime();
        HttpResponse<String> answer = admin.send(rebuild, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("the rebuild answered " + answer.statusCode() + ": " + answer.body());
        }
        progress(String.format(Locale.ROOT, "rebuild accepted after %.1f s (views emptied)",
                (System.nanoTime() - began) / 1e9));
        Duration elapsed = awaitAll(List.of(CatalogueProjection.PROCESSING_GROUP), began, last)
                .get(CatalogueProjection.PROCESSING_GROUP);
        return new Replay(events, elapsed);
    }

    /** Every organisation and interview of the history must be in the catalogue, once. */
    private void checkViews() throws SQLException {
        check("crt_query.organisation", OrganisationRegistered.class);
        check("crt_query.interview", InterviewRecorded.class);
    }

    private void check(String view, Class<?> event) throws SQLException {
        long rows = single("SELECT count(*) FROM " + view);
        long stored = single("SELECT count(*) FROM " + BenchDatabase.EVENT_TABLE + " WHERE payload_type = '"
                + event.getName() + "'");
        String line = String.format(Locale.ROOT, "after the tracker's rebuild: SELECT count(*) FROM %s = %,d; %s "
                + "events stored %,d: %s", view, rows, event.getSimpleName(), stored,
                rows == stored ? "OK" : "MISMATCH");
        checks.add(line);
        if (rows != stored) {
            problems.add(line);
        }
    }

    /** Two rebuilds of the catalogue must have written the same rows, table by table. */
    private void compare(String which, Map<String, String> one, Map<String, String> other) {
        List<String> differences = CatalogueRebuild.differences(one, other);
        String line = "catalogue tables of " + which + ": " + (differences.isEmpty() ? "same rows (count and digest "
                + "of every table)" : "DIFFERENT " + differences);
        checks.add(line);
        if (!differences.isEmpty()) {
            problems.add(line);
        }
    }

    private static long heapAfterFullCollection() {
        System.gc();
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private long single(String query) throws SQLException {
        try (Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void report(Seeding seeding, long events, long last, Map<String, Long> mix,
                        List<CatalogueRebuild.Result> baselines, Replay rebuild, Map<String, String> rows,
                        HeapSampler.Peaks peaks, long residue) throws SQLException {
        PrintStream out = System.out;
        double baseline = (baselines.get(0).perSecond(events) + baselines.get(1).perSecond(events)) / 2;
        out.println();
        out.printf(Locale.ROOT, "Cluj Resilience Tracker: rebuild of the catalogue from %,d events (last global index "
                + "%,d), beside a hand-written rebuild%n%n", events, last);
        out.printf(ROW, "", "run", "events", "seconds", "events/s", "ratio");
        out.printf(ROW, "B1", "hand-written rebuild: JDBC, batched, 1 thread", count(events),
                seconds(baselines.get(0).elapsed()), rate(baselines.get(0).perSecond(events)), "");
        out.printf(ROW, "1", "tracker: POST /api/admin/projections/catalogue/rebuild", count(events),
                seconds(rebuild.elapsed()), rate(rebuild.perSecond()), ratio(rebuild.perSecond() / baseline));
        out.printf(ROW, "B2", "hand-written rebuild: JDBC, batched, 1 thread", count(events),
                seconds(baselines.get(1).elapsed()), rate(baselines.get(1).perSecond(events)), "");
        out.println();
        out.printf(Locale.ROOT, """
                Measured in this order: B1, 1, B2; ratio = events/s of 1 / mean of B1 and B2 (target at least %.1f). \
                events/s = events
                in the store (%,d) / time; each rebuild empties the catalogue's tables, then applies every catalogue \
                event in order.
                1 is timed from the admin request until the catalogue's token covers the last global index; the \
                other processors
                are stopped. B1 and B2 read only the catalogue's event types (%,d events), through a cursor \
                (fetch size %,d),
                parse each with the storage mapper and insert its rows with JDBC batches (reWriteBatchedInserts=true), \
                committing
                every %,d events.
                """, TARGET_RATIO, events, baselines.get(0).events(), CatalogueRebuild.FETCH_SIZE,
                CatalogueRebuild.EVENTS_PER_COMMIT);
        heap(out, peaks, residue);
        out.println();
        out.println("Catalogue after the rebuilds:");
        rows.forEach((table, digest) -> out.printf(Locale.ROOT, "  %-14s %s%n", table, digest));
        seeding(out, seeding, mix);
        new Report(out).lines("Verified with SQL:", checks);
        new Report(out).facts(database.facts(), database.name(), loadBefore);
        new Report(out).lines("PROBLEMS (exit status 1):", problems);
        out.flush();
    }

    private static void heap(PrintStream out, HeapSampler.Peaks peak, long residue) {
        out.println();
        out.printf(Locale.ROOT, "Heap of this JVM, max %,d MiB. The command service was stopped before; %,d MiB were "
                + "in use after a full%ncollection just before the rebuild (the benchmark's remains included). Peak "
                + "heap used after garbage collection%nduring the rebuild (1): %,d MiB after full collections (%d, "
                + "forced every %d s); %,d MiB after any of %,d collections.%n",
                Runtime.getRuntime().maxMemory() / MIB, residue / MIB, peak.afterFullCollection() / MIB,
                peak.fullCollections(), FULL_COLLECTION_EVERY.toSeconds(), peak.afterAnyCollection() / MIB,
                peak.collections());
        out.println("Target (issue 8): under 512 MiB after garbage collection. The full-collection peak is the live "
                + "data; the other one");
        out.println("also counts dead objects a young collection left in the old generation.");
    }

    private static void seeding(PrintStream out, Seeding seeding, Map<String, Long> mix) {
        out.println();
        out.printf(Locale.ROOT, "Seeding took %.1f s: %,d events recorded through the command service's API and "
                + "gateway%n(%d organisations, %d interviews, %d commitments with reports, reviews and missed "
                + "milestones) in %.1f s,%nservice start and stop included; then copied %,d times in bulk with "
                + "INSERT ... SELECT%n(new ids, recorded payload and metadata bytes) in %.1f s.%n",
                (seeding.recording().toNanos() + seeding.copying().toNanos()) / 1e9, seeding.recorded(),
                ORGANISATIONS, ORGANISATIONS * INTERVIEWS_PER_ORGANISATION, COMMITMENTS,
                seeding.recording().toNanos() / 1e9, seeding.copied().copies(), seeding.copying().toNanos() / 1e9);
        long total = mix.values().stream().mapToLong(Long::longValue).sum();
        out.println("Events by type:");
        mix.forEach((type, n) -> out.printf(Locale.ROOT, "  %-26s %,10d  %5.1f %%%n", type, n, 100.0 * n / total));
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%.1f", elapsed.toNanos() / 1e9);
    }

    private static String rate(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private void cleanUp() {
        Cleanup.quietly("heap sampler", () -> sampler.close(), sampler != null);
        Cleanup.quietly("admin client", () -> admin.close(), admin != null);
        Cleanup.quietly("staff client", () -> staff.close(), staff != null);
        Cleanup.quietly("query service", () -> queries.close(), queries != null);
        Cleanup.quietly("command service", () -> commands.close(), commands != null);
        Cleanup.quietly("seeding connection", () -> sql.close(), sql != null);
        Cleanup.quietly("inspection connection", () -> database.close(), database != null);
        Cleanup.database(database, settings.keep());
    }

    private static void progress(String message) {
        System.err.println("[benchmark] " + message);
    }
}
