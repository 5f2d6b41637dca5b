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
import ro.cluj.crt.events.commitment.CommitmentMade;
import ro.cluj.crt.events.interview.InterviewRecorded;
import ro.cluj.crt.events.organisation.OrganisationRegistered;
import ro.cluj.crt.query.QueryServiceApplication;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.config.ProjectionPositions;

/**
 * Measures how fast the query service builds its views from a long history (a million events by default), beside how
 * fast plain JDBC reads the same events from the event table, and how much heap the service needs meanwhile. A short
 * history is recorded through the command service's API and gateway, then multiplied in bulk inside PostgreSQL (see
 * {@link HistoryMultiplier}); the command service is stopped before anything is measured, so the heap figures are the
 * query service's. Figure 1 starts the query service on that store with empty views and times each processor until
 * it has applied the last event; figure 2 rebuilds the catalogue through the admin API in the now warm JVM.
 *
 * <p>Exits 0 when every processor caught up and the views hold every organisation, interview and commitment of the
 * history, 1 otherwise, 2 when the run could not be set up.
 */
final class ReplayBenchmark {

    /** Fewer events than this would not be a history worth timing. */
    static final long MINIMUM_EVENTS = 1_000;
    private static final int ORGANISATIONS = 20;
    private static final int INTERVIEWS_PER_ORGANISATION = 10;
    private static final int COMMITMENTS = 30;
    private static final int FETCH_SIZE = 1_000;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CATCH_UP = Duration.ofMinutes(40);
    private static final Duration DEADLINES_DUE = Duration.ofMinutes(2);
    private static final Duration FULL_COLLECTION_EVERY = Duration.ofSeconds(10);
    private static final String ROW = "%-4s %-62s %10s %9s %10s %11s %7s%n";
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

    ReplayBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** What the seeding did and how long it took. */
    private record Seeding(long recorded, Duration recording, HistoryMultiplier.Result copied, Duration copying) {
    }

    /** One processor's replay: how long from the start until it had applied the last event. */
    private record Replay(String processor, long events, Duration elapsed) {

        double perSecond() {
            return events / (elapsed.toNanos() / 1e9);
        }
    }

    /** The baseline read: every event of the table, in global order. */
    private record Scan(long events, long bytes, Duration elapsed) {

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

    private void measure() throws Exception {
        ServiceUnderTest.Secrets secrets = ServiceUnderTest.Secrets.generate();
        String adminToken = seedThroughService(secrets);
        Seeding seeding = seedInBulk();
        long last = single("SELECT max(global_index) FROM " + BenchDatabase.EVENT_TABLE);
        long events = single("SELECT count(*) FROM " + BenchDatabase.EVENT_TABLE);
        Map<String, Long> mix = mix();
        long residue = heapAfterFullCollection();
        Scan b1 = scan("B1");
        sampler = new HeapSampler(FULL_COLLECTION_EVERY);
        long began = System.nanoTime();
        queries = ServiceUnderTest.start(QueryServiceApplication.class, QueryServiceApplication.CONFIG_NAME,
                database.url(), secrets);
        Duration startup = Duration.ofNanos(System.nanoTime() - began);
        List<Replay> onStart = awaitAll(processors(), began, last, events);
        HeapSampler.Peaks startPeaks = sampler.stop();
        checkViews("after figure 1");
        Scan b2 = scan("B2");
        sampler = new HeapSampler(FULL_COLLECTION_EVERY);
        Replay rebuild = rebuildCatalogue(adminToken, last, events);
        HeapSampler.Peaks rebuildPeaks = sampler.stop();
        checkViews("after figure 2");
        Scan b3 = scan("B3");
        report(seeding, events, last, mix, List.of(b1, b2, b3), onStart, rebuild, startup,
                List.of(startPeaks, rebuildPeaks), residue);
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
     * The baseline: one connection reads every event in global order through a cursor ({@value FETCH_SIZE} rows a
     * round trip, which needs a transaction), every column as bytes, as an event store reader would at the least.
     */
    private Scan scan(String key) throws SQLException {
        long began = System.nanoTime();
        long events = 0;
        long bytes = 0;
        try (Connection reader = DriverManager.getConnection(database.url(), BenchDatabase.USER, "")) {
            reader.setAutoCommit(false);
            reader.setReadOnly(true);
            try (Statement statement = reader.createStatement()) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery("SELECT global_index, event_identifier,"
                        + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision,"
                        + " payload, meta_data FROM " + BenchDatabase.EVENT_TABLE + " ORDER BY global_index")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            byte[] value = rows.getBytes(i);
                            bytes += value == null ? 0 : value.length;
                        }
                        events++;
                    }
                }
            }
            reader.commit();
        }
        Scan scan = new Scan(events, bytes, Duration.ofNanos(System.nanoTime() - began));
        progress(String.format(Locale.ROOT, "%-4s plain JDBC read of %,d events: %,.0f events/s", key, events,
                scan.perSecond()));
        return scan;
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
    private List<Replay> awaitAll(List<String> processors, long began, long last, long events) throws Exception {
        ProjectionPositions positions = queries.bean(ProjectionPositions.class);
        Map<String, Replay> done = new LinkedHashMap<>();
        long deadline = began + CATCH_UP.toNanos();
        long shown = System.nanoTime();
        while (done.size() < processors.size()) {
            for (String processor : processors) {
                if (!done.containsKey(processor) && positions.position(processor) >= last) {
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
                    done.put(processor, new Replay(processor, events, elapsed));
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
        return List.copyOf(done.values());
    }

    /** Figure 2: the admin API rebuilds the catalogue (reset handlers, then a replay from the first event). */
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
        return awaitAll(List.of(CatalogueProjection.PROCESSING_GROUP), began, last, events).getFirst();
    }

    /** Every organisation, interview and commitment of the history must be in the views, once. */
    private void checkViews(String when) throws SQLException {
        check(when, "crt_query.organisation", OrganisationRegistered.class);
        check(when, "crt_query.interview", InterviewRecorded.class);
        check(when, "crt_query.commitment_dashboard", CommitmentMade.class);
    }

    private void check(String when, String view, Class<?> event) throws SQLException {
        long rows = single("SELECT count(*) FROM " + view);
        long stored = single("SELECT count(*) FROM " + BenchDatabase.EVENT_TABLE + " WHERE payload_type = '"
                + event.getName() + "'");
        String line = String.format(Locale.ROOT, "%s: SELECT count(*) FROM %s = %,d; %s events stored %,d: %s", when,
                view, rows, event.getSimpleName(), stored, rows == stored ? "OK" : "MISMATCH");
        checks.add(line);
        if (rows != stored) {
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

    private void report(Seeding seeding, long events, long last, Map<String, Long> mix, List<Scan> baselines,
                        List<Replay> onStart, Replay rebuild, Duration startup, List<HeapSampler.Peaks> peaks,
                        long residue) throws SQLException {
        PrintStream out = System.out;
        double before = (baselines.get(0).perSecond() + baselines.get(1).perSecond()) / 2;
        double after = (baselines.get(1).perSecond() + baselines.get(2).perSecond()) / 2;
        out.println();
        out.printf(Locale.ROOT, "Cluj Resilience Tracker: replay of %,d events (last global index %,d) into empty "
                + "views, beside a plain JDBC read of the same events%n%n", events, last);
        out.printf(ROW, "", "figure", "events", "seconds", "events/s", "baseline/s", "ratio");
        for (Replay replay : onStart) {
            out.printf(ROW, "1", "query service start, processor " + replay.processor(), count(replay.events()),
                    seconds(replay.elapsed()), rate(replay.perSecond()), rate(before),
                    ratio(replay.perSecond() / before));
        }
        out.printf(ROW, "2", "admin rebuild of catalogue in the warm JVM", count(rebuild.events()),
                seconds(rebuild.elapsed()), rate(rebuild.perSecond()), rate(after), ratio(rebuild.perSecond() / after));
        for (int i = 0; i < baselines.size(); i++) {
            Scan scan = baselines.get(i);
            out.printf(ROW, "B" + (i + 1), "baseline: plain JDBC read in global order, 1 connection",
                    count(scan.events()), seconds(scan.elapsed()), rate(scan.perSecond()), "", "");
        }
        out.println();
        out.printf(Locale.ROOT, """
                Measured in this order: B1, 1, B2, 2, B3; baseline/s of 1 is the mean of B1 and B2, of 2 the mean of \
                B2 and B3;
                ratio = events/s / baseline/s. Figure 1 times each processor from the call that starts the query \
                service (its
                start took %.1f s of that) until its tokens cover the last global index; the four processors read \
                the store at
                the same time, each on its own. Figure 2 times from the admin request (which empties the catalogue's \
                tables before
                it answers) until the catalogue's token covers the last index again; the other processors are idle \
                then.
                Baseline: SELECT of every column ORDER BY global_index on one connection, fetch size %,d, every \
                column read as
                bytes (%,.0f MiB per read); no deserialisation, no writes.
                """, startup.toNanos() / 1e9, FETCH_SIZE, baselines.get(0).bytes() / (double) MIB);
        heap(out, peaks, residue);
        seeding(out, seeding, mix);
        new Report(out).lines("Verified with SQL:", checks);
        new Report(out).facts(database.facts(), database.name(), loadBefore);
        new Report(out).lines("PROBLEMS (exit status 1):", problems);
        out.flush();
    }

    private static void heap(PrintStream out, List<HeapSampler.Peaks> peaks, long residue) {
        out.println();
        out.printf(Locale.ROOT, "Heap of this JVM, max %,d MiB. The command service was stopped before the replay; "
                + "%,d MiB were in use%nafter a full collection just before the query service started. Peak heap used "
                + "after garbage collection:%n", Runtime.getRuntime().maxMemory() / MIB, residue / MIB);
        String[] labels = {"figure 1 (start and replay)", "figure 2 (rebuild)"};
        for (int i = 0; i < peaks.size(); i++) {
            HeapSampler.Peaks peak = peaks.get(i);
            out.printf(Locale.ROOT, "  %-28s %,6d MiB after full collections (%d, forced every %d s); %,6d MiB after "
                    + "any of %,d collections%n",
                    labels[i], peak.afterFullCollection() / MIB, peak.fullCollections(),
                    FULL_COLLECTION_EVERY.toSeconds(), peak.afterAnyCollection() / MIB, peak.collections());
        }
        out.println("  Target (issue 8): under 512 MiB after garbage collection. The full-collection peak is the live "
                + "data; the other one");
        out.println("  also counts dead objects a young collection left in the old generation.");
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
