package ro.cluj.crt.benchmark;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.serialization.SimpleSerializedObject;
import ro.cluj.crt.events.interview.InterviewContent;
import ro.cluj.crt.events.interview.InterviewRecorded;
import ro.cluj.crt.support.store.StorageSerialization;

/**
 * Measures, in one run, how fast the command service records interviews through its HTTP API (figure 1) and how fast
 * Axon appends the same events through the service's command gateway (figure 2), beside what the same PostgreSQL
 * database does with plain JDBC inserts of the same rows (the baseline), and prints the ratios.
 *
 * <p>Exits 0 when every operation succeeded and the stored row counts match, 1 when an operation failed or a count
 * differs, 2 when the run could not be set up. See {@code benchmark/README.md}.
 */
public final class Benchmark {

    private static final Duration SEALING_WARMUP = Duration.ofSeconds(5);

    private final Settings settings;
    private final List<String> problems = new ArrayList<>();
    private final List<Run> runs = new ArrayList<>();
    private final Map<String, Long> successes = new HashMap<>();
    private final List<SummaryRow> summary = new ArrayList<>();
    private final double loadBefore = Report.loadAverage();
    private BenchDatabase database;
    private ServiceUnderTest service;
    private HttpWorkload http;
    private BaselineWorkload baseline;
    private String organisationId;

    Benchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Settings.USAGE);
            System.exit(2);
            return;
        }
        if (Arrays.asList(args).contains("--all")) {
            System.exit(new FullRun(args, System.getenv()).run());
        }
        if (settings.size()) {
            System.exit(new SizeBenchmark(settings).runAndCleanUp());
        }
        if (settings.replay()) {
            System.exit(new ReplayBenchmark(settings).runAndCleanUp());
        }
        System.exit(settings.reads() ? new ReadBenchmark(settings).runAndCleanUp()
                : new Benchmark(settings).runAndCleanUp());
    }

    /** The figures of the one table a full run prints ({@link FullRun}); empty until the run is done. */
    List<SummaryRow> summaryRows() {
        return List.copyOf(summary);
    }

    int runAndCleanUp() {
        return Cleanup.exitStatus(() -> {
            database = BenchDatabase.create(settings.serverUrl());
            progress("created database " + database.name());
            measure();
            return problems.isEmpty() && runs.stream().allMatch(run -> run.failed() == 0);
        }, this::cleanUp);
    }

    private void measure() throws Exception {
        organisationId = startService();
        List<Operation> httpWorkers = http.workers(organisationId);
        phase("warm-up HTTP", httpWorkers, settings.warmup(), BenchDatabase.EVENT_TABLE);
        StoredEvent sample = database.latestEvent(InterviewRecorded.class.getName());
        List<Operation> gatewayWorkers = new GatewayWorkload(service, organisationId,
                contentOf(sample), http.accountId()).workers(settings.concurrency());
        phase("warm-up gateway", gatewayWorkers, settings.warmup(), BenchDatabase.EVENT_TABLE);
        database.createBaselineTable();
        baseline = new BaselineWorkload(sample);
        List<Operation> baselineWorkers = baseline.workers(database.url(), BenchDatabase.USER,
                settings.concurrency());
        phase("warm-up baseline", baselineWorkers, settings.warmup(), BaselineWorkload.TABLE);
        measureInterleaved(httpWorkers, gatewayWorkers, baselineWorkers, sample);
    }

    /** Starts the service, logs the clients in and registers the organisation; answers its id. */
    private String startService() throws Exception {
        service = ServiceUnderTest.start(database.url());
        http = new HttpWorkload(service.port());
        http.logIn(settings.concurrency());
        String organisationId = http.registerOrganisation();
        progress("command service on port " + service.port() + ", organisation " + organisationId);
        return organisationId;
    }

    /** B1, figure 1, B2, figure 2, B3; then the checks and the report. */
    private void measureInterleaved(List<Operation> httpWorkers, List<Operation> gatewayWorkers,
                                    List<Operation> baselineWorkers, StoredEvent sample) throws Exception {
        Run b1 = measured(baselineLabel(), baselineWorkers, BaselineWorkload.TABLE);
        Run one = measured("interviews recorded via HTTP API, " + n("clients"), httpWorkers,
                BenchDatabase.EVENT_TABLE);
        Run b2 = measured(baselineLabel(), baselineWorkers, BaselineWorkload.TABLE);
        Run two = measured("events appended via CommandGateway.sendAndWait, " + n("threads"), gatewayWorkers,
                BenchDatabase.EVENT_TABLE);
        Run b3 = measured(baselineLabel(), baselineWorkers, BaselineWorkload.TABLE);
        Report.Figure http = new Report.Figure("1", one, b1, b2);
        Report.Figure gateway = new Report.Figure("2", two, b2, b3);
        summary.add(SummaryRow.atLeast("commands/s through the HTTP API, " + n("clients") + ", each answer awaited",
                one.perSecond(), http.baseline(), "/s", 0.5));
        summary.add(SummaryRow.atLeast("events appended/s through the command gateway, " + n("threads"),
                two.perSecond(), gateway.baseline(), "/s", 0.7));
        List<String> sealing = settings.sealing() ? measureSealing(sample) : List.of("not measured (--no-sealing)");
        List<String> checks = verifyTotals();
        checks.add(awaitSealed());
        report(List.of(http, gateway), List.of(b1, b2, b3), sample, checks);
        new Report(System.out).lines("The hash chain's cost on appends (figure 2's workload on a restarted service, "
                + "sealer off, on, on, off):", sealing);
    }

    /**
     * Figure 2's workload four more times, each on a freshly started service (restarts not timed), with the chain's
     * sealer off, on, on, off (so that a steady drift of the machine weighs on both sides alike); its cost is the mean
     * of the runs with it on beside the mean of the runs without. Before
     * a run with the sealer on, the sealer first catches up with the events of the run before (not timed), so that
     * each run seals what it appends and no more: the steady state, not a backlog.
     */
    private List<String> measureSealing(StoredEvent sample) throws Exception {
        List<String> lines = new ArrayList<>();
        double[] sums = new double[2];
        for (int i = 0; i < 4; i++) {
            boolean on = i == 1 || i == 2;
            Run run = gatewayRun("events appended via CommandGateway, sealer " + (on ? "on" : "off"), sample,
                    "--crt.audit.sealer-enabled=" + on);
            sums[on ? 1 : 0] += run.perSecond();
            lines.add(String.format(Locale.ROOT, "run %d, sealer %-3s %,10.1f events/s", i + 1, on ? "on" : "off",
                    run.perSecond()));
        }
        lines.add(String.format(Locale.ROOT, "on / off = %.3f (mean of the runs with the sealer beside the mean of "
                + "the runs without; target at least 0.95)", sums[1] / sums[0]));
        summary.add(SummaryRow.atLeast("issue 6: gateway appends/s with the chain's sealer on (baseline: off)",
                sums[1] / 2, sums[0] / 2, "/s", 0.95));
        // the last run had the sealer off: a service as it ships seals what that run appended
        service.close();
        service = ServiceUnderTest.startCommands(database.url());
        return lines;
    }

    private Run gatewayRun(String label, StoredEvent sample, String sealer)
            throws Exception {
        service.close();
        service = ServiceUnderTest.startCommands(database.url(), sealer);
        if (sealer.endsWith("=true")) {
            Duration caughtUp = awaitLinks(Duration.ofMinutes(5));
            progress(String.format(Locale.ROOT, "sealer caught up with the earlier runs in %.1f s (not timed)",
                    caughtUp.toMillis() / 1e3));
        }
        List<Operation> workers = new GatewayWorkload(service, organisationId,
                contentOf(sample), http.accountId()).workers(settings.concurrency());
        // the same classes as the runs before, compiled already: a short warm-up fills the new service's pool
        Duration warmup = settings.warmup().compareTo(SEALING_WARMUP) < 0 ? settings.warmup() : SEALING_WARMUP;
        phase("warm-up: " + label, workers, warmup, BenchDatabase.EVENT_TABLE);
        return measured(label + ", " + n("threads"), workers, BenchDatabase.EVENT_TABLE);
    }

    /** Waits (up to five minutes) until the sealer has linked every stored event; says how that ended. */
    private String awaitSealed() throws Exception {
        Duration waited = awaitLinks(Duration.ofMinutes(5));
        long events = database.count(BenchDatabase.EVENT_TABLE);
        long links = database.count("event_store.event_chain");
        if (links != events) {
            problems.add("event_store.event_chain holds " + links + " links for " + events + " events");
        }
        return String.format(Locale.ROOT, "SELECT count(*) FROM event_store.event_chain = %,d; events stored %,d "
                + "(every event sealed once, also those appended while the sealer was off; the sealer caught up "
                + "%.1f s after the service restarted with it on): %s", links, events, waited.toMillis() / 1e3,
                links == events ? "OK" : "MISMATCH");
    }

    /** Waits until the chain has a link for every stored event, or the limit passed; answers how long it waited. */
    private Duration awaitLinks(Duration limit) throws Exception {
        long began = System.nanoTime();
        long deadline = began + limit.toNanos();
        while (database.count("event_store.event_chain") < database.count(BenchDatabase.EVENT_TABLE)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    private String baselineLabel() {
        return "baseline: JDBC INSERT, autocommit, " + n("connections");
    }

    private String n(String what) {
        return settings.concurrency() + " " + what;
    }

    private Run measured(String label, List<Operation> workers, String table) throws Exception {
        return phase(label, workers, settings.duration(), table);
    }

    /** Runs a workload and checks with SQL that the table grew by exactly the number of successes. */
    private Run phase(String label, List<Operation> workers, Duration duration, String table) throws Exception {
        long before = database.count(table);
        Run run = LoadRunner.run(label, workers, duration);
        long grown = database.count(table) - before;
        runs.add(run);
        successes.merge(table, run.succeeded(), Long::sum);
        progress(String.format("%-60s %,10.1f/s  %,d ok, %,d failed", label, run.perSecond(), run.succeeded(),
                run.failed()));
        if (grown != run.succeeded()) {
            problems.add(label + ": " + table + " grew by " + grown + " rows for " + run.succeeded() + " successes");
        }
        run.errorSamples().forEach(error -> problems.add(label + ": " + error));
        return run;
    }

    private static InterviewContent contentOf(StoredEvent event) {
        SimpleSerializedObject<byte[]> serialized = new SimpleSerializedObject<>(event.payload(), byte[].class,
                event.payloadType(), event.payloadRevision());
        InterviewRecorded recorded = StorageSerialization.storageSerializer().deserialize(serialized);
        return recorded.content();
    }

    /** Compares the final row counts with the successes of every run, warm-ups included. */
    private List<String> verifyTotals() throws SQLException {
        long events = database.count(BenchDatabase.EVENT_TABLE);
        long rows = database.count(BaselineWorkload.TABLE);
        long expectedEvents = 1 + successes.getOrDefault(BenchDatabase.EVENT_TABLE, 0L);
        long expectedRows = successes.getOrDefault(BaselineWorkload.TABLE, 0L);
        List<String> checks = new ArrayList<>();
        checks.add(check(BenchDatabase.EVENT_TABLE, events, expectedEvents,
                "1 organisation + every interview answered 201 or applied, warm-ups included"));
        checks.add(check(BaselineWorkload.TABLE, rows, expectedRows, "every successful insert, warm-up included"));
        return checks;
    }

    private String check(String table, long actual, long expected, String meaning) {
        if (actual != expected) {
            problems.add(table + " holds " + actual + " rows, expected " + expected);
        }
        return String.format("SELECT count(*) FROM %s = %,d; expected %,d (%s): %s", table, actual, expected,
                meaning, actual == expected ? "OK" : "MISMATCH");
    }

    private void report(List<Report.Figure> figures, List<Run> baselines, StoredEvent sample, List<String> checks)
            throws SQLException {
        Report report = new Report(System.out);
        report.title(settings);
        report.table(figures, baselines);
        report.sizes(sample, database.meanSizes(BenchDatabase.EVENT_TABLE),
                database.meanSizes(BaselineWorkload.TABLE), Bodies.INTERVIEW.getBytes(StandardCharsets.UTF_8).length);
        report.lines("Baseline table " + BaselineWorkload.TABLE + " (checked equal to the event table's, with its "
                + "own sequence, increment 1, cache 1):", database.baselineIndexes());
        report.lines("Verified with SQL:", checks);
        report.facts(database.facts(), database.name(), loadBefore);
        report.lines("PROBLEMS (exit status 1):", problems);
        System.out.flush();
    }

    private void cleanUp() {
        Cleanup.quietly("HTTP clients", () -> http.close(), http != null);
        Cleanup.quietly("baseline connections", () -> baseline.close(), baseline != null);
        Cleanup.quietly("command service", () -> service.close(), service != null);
        Cleanup.quietly("inspection connection", () -> database.close(), database != null);
        Cleanup.database(database, settings.keep());
    }

    private static void progress(String message) {
        System.err.println("[benchmark] " + message);
    }
}
