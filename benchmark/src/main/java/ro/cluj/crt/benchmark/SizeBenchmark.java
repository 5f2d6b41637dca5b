package ro.cluj.crt.benchmark;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedObject;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReportProgress;
import ro.cluj.crt.command.config.Clocks;
import ro.cluj.crt.command.write.CommandOutcome;
import ro.cluj.crt.events.EventMetadata;
import ro.cluj.crt.events.Identifiers;
import ro.cluj.crt.events.interview.InterviewContent;
import ro.cluj.crt.events.interview.InterviewRecorded;
import ro.cluj.crt.events.vocabulary.ProgressStatus;
import ro.cluj.crt.support.security.Role;
import ro.cluj.crt.support.store.StorageSerialization;

/**
 * Issue 8's size figure: how fast the command service appends with years of history stored (ten million events by
 * default) beside how fast it appends to an empty store, and how much snapshots save on a commitment followed for
 * years. The large store is recorded briefly through the service, then grown in bulk ({@link BulkHistory}); the
 * service itself is never tuned. Figure 2's workload (the command gateway, {@code --clients} threads) runs on a
 * freshly started service, on the empty store, the large store, the large store, the empty store again, so that a
 * drift of the machine weighs on both sides alike.
 *
 * <p>Exits 0 when every command succeeded and the stores hold what the runs appended, 1 otherwise, 2 when the run
 * could not be set up.
 */
final class SizeBenchmark {

    static final long MINIMUM_STORED_EVENTS = 10_000;
    private static final int LONG_LIVED_EVENTS = 1_000;
    private static final int ORGANISATIONS = 5;
    private static final int INTERVIEWS_PER_ORGANISATION = 3;
    private static final int COMMITMENTS = 40;
    private static final Duration DEADLINES_DUE = Duration.ofMinutes(2);
    private static final Duration SEALED = Duration.ofMinutes(2);
    private static final String SNAPSHOTS = "--crt.snapshots.commitment-after-events=";
    private static final String ROW = "%-4s %-66s %8s %10s %8s%n";

    private final Settings settings;
    private final List<String> problems = new ArrayList<>();
    private final double loadBefore = Report.loadAverage();
    private final Map<BenchDatabase, String> organisations = new HashMap<>();
    private final Map<BenchDatabase, Long> appended = new HashMap<>();
    private BenchDatabase large;
    private BenchDatabase empty;
    private ServiceUnderTest service;
    private HttpWorkload http;
    private InterviewContent content;
    private BulkHistory.Result seeded;
    private final List<Run> appends = new ArrayList<>();
    private final List<Long> storeSizes = new ArrayList<>();
    private final List<Run> snapshotRuns = new ArrayList<>();
    private final List<String> snapshotFacts = new ArrayList<>();
    private Duration recording;

    SizeBenchmark(Settings settings) {
        this.settings = settings;
    }

    int runAndCleanUp() {
        return Cleanup.exitStatus(() -> {
            large = BenchDatabase.create(settings.serverUrl(), "_large");
            empty = BenchDatabase.create(settings.serverUrl(), "_empty");
            progress("created databases " + large.name() + " and " + empty.name());
            measure();
            return problems.isEmpty() && appends.stream().allMatch(run -> run.failed() == 0)
                    && snapshotRuns.stream().allMatch(run -> run.failed() == 0);
        }, this::cleanUp);
    }

    private void measure() throws Exception {
        record();
        long began = System.nanoTime();
        seeded = new BulkHistory(large.url(), SizeBenchmark::progress).seed(settings.storedEvents(),
                LONG_LIVED_EVENTS);
        progress(String.format(Locale.ROOT, "seeded %,d events in %.1f s; the store holds %,d", seeded.seeded(),
                (System.nanoTime() - began) / 1e9, seeded.total()));
        for (BenchDatabase database : List.of(empty, large, large, empty)) {
            appends.add(appendRun(database));
        }
        measureSnapshots();
        checkCounts();
        report();
    }

    /**
     * Records the short history whose events the bulk copy is made of: organisations and interviews through the API,
     * commitments through the gateway; waits until the deadlines already due have fired and the chain has sealed
     * every event, then stops the service.
     */
    private void record() throws Exception {
        long began = System.nanoTime();
        service = ServiceUnderTest.start(large.url());
        http = new HttpWorkload(service.port());
        http.logIn(1);
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < ORGANISATIONS; i++) {
            String organisation = http.registerOrganisation();
            recorded.add(organisation);
            Operation interview = http.workers(organisation).getFirst();
            for (int j = 0; j < INTERVIEWS_PER_ORGANISATION; j++) {
                interview.perform();
            }
        }
        organisations.put(large, recorded.getFirst());
        new CommitmentSeeder(service.bean(CommandGateway.class), http.accountId())
                .seed(COMMITMENTS, recorded, settings.concurrency());
        content = contentOf(large.latestEvent(InterviewRecorded.class.getName()));
        await("deadlines already due", DEADLINES_DUE,
                () -> large.count("event_store.scheduled_tasks WHERE execution_time <= now()") == 0);
        await("the chain", SEALED, () -> large.count("event_store.event_chain")
                == large.count(BenchDatabase.EVENT_TABLE));
        stopService();
        recording = Duration.ofNanos(System.nanoTime() - began);
        progress(String.format(Locale.ROOT, "recorded %,d events through the command service in %.1f s",
                large.count(BenchDatabase.EVENT_TABLE), recording.toNanos() / 1e9));
    }

    /** Figure 2's workload on a freshly started service (the start is not timed). */
    private Run appendRun(BenchDatabase database) throws Exception {
        startService(database);
        String organisation = organisations.get(database);
        if (organisation == null) {
            organisation = http.registerOrganisation();
            organisations.put(database, organisation);
            appended.merge(database, 1L, Long::sum);
        }
        long stored = database.count(BenchDatabase.EVENT_TABLE);
        List<Operation> workers = new GatewayWorkload(service, organisation, content,
                http.accountId()).workers(settings.concurrency());
        String where = database == large ? "large store" : "empty store";
        if (appends.isEmpty()) {
            // the JIT keeps improving the command path for a minute or so; the first run would pay for that alone
            phase("warm-up of the JVM (discarded)", workers, settings.duration().multipliedBy(2), database);
        }
        phase("warm-up: " + where, workers, settings.warmup(), database);
        Run run = phase("events appended via CommandGateway, " + where + ", " + settings.concurrency()
                + " threads", workers, settings.duration(), database);
        storeSizes.add(stored);
        stopService();
        return run;
    }

    /**
     * Commands on the commitment followed for years (one thread: commands on one aggregate take turns), on a service
     * started with snapshots off, then on one started as it ships; the warm-up of the second takes the first
     * snapshot.
     */
    private void measureSnapshots() throws Exception {
        String id = seeded.longLived();
        List<String> thresholds = new ArrayList<>(List.of("0"));
        // other thresholds to compare, e.g. -Dcrt.bench.snapshot-thresholds=10,50,250; the shipped one always runs
        for (String threshold : System.getProperty("crt.bench.snapshot-thresholds", "").split(",")) {
            if (!threshold.isBlank()) {
                thresholds.add(threshold.strip());
            }
        }
        thresholds.add("");
        for (String setting : thresholds) {
            if (setting.isEmpty()) {
                startService(large);
            } else {
                startService(large, SNAPSHOTS + setting);
            }
            long before = large.count(BenchDatabase.EVENT_TABLE + " WHERE aggregate_identifier = '" + id + "'");
            String label = setting.isEmpty() ? "snapshots on (as shipped)" : setting.equals("0") ? "snapshots off"
                    : "snapshot after " + setting + " events";
            List<Operation> worker = List.of(progressReport(id));
            phase("warm-up: " + label, worker, settings.warmup(), large);
            Run run = phase("ReportProgress on a commitment with " + String.format(Locale.ROOT, "%,d", before)
                    + " events, " + label + ", 1 thread", worker, settings.duration(), large);
            snapshotRuns.add(run);
            snapshotFacts.add(String.format(Locale.ROOT, "%s: %,d events on the commitment before the warm-up, "
                    + "%,d snapshots of it stored after the run", label, before,
                    large.count("event_store.snapshot_event_entry WHERE aggregate_identifier = '" + id + "'")));
            stopService();
        }
    }

    private Operation progressReport(String commitmentId) {
        AtomicLong week = new AtomicLong();
        return () -> {
            LocalDate today = LocalDate.now(Clocks.CLUJ);
            ReportProgress command = new ReportProgress(commitmentId, null, ProgressStatus.ON_TRACK, null,
                    "Week " + week.incrementAndGet() + ": depots open, deliveries on schedule.", List.of(), today,
                    null, today);
            MetaData metaData = MetaData.with(EventMetadata.ACTOR_ID, http.accountId())
                    .and(EventMetadata.ACTOR_ROLE, Role.MONITOR.code())
                    .and(EventMetadata.CORRELATION_ID, Identifiers.random());
            Object outcome = service.bean(CommandGateway.class)
                    .sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            if (!(outcome instanceof CommandOutcome.Applied)) {
                throw new IllegalStateException("ReportProgress answered " + outcome);
            }
        };
    }

    private void startService(BenchDatabase database, String... settingsOfService) throws Exception {
        service = ServiceUnderTest.startCommands(database.url(), settingsOfService);
        http = new HttpWorkload(service.port());
        http.logIn(1);
    }

    private void stopService() {
        http.close();
        http = null;
        service.close();
        service = null;
    }

    private Run phase(String label, List<Operation> workers, Duration duration, BenchDatabase database)
            throws Exception {
        long before = database.count(BenchDatabase.EVENT_TABLE);
        Run run = LoadRunner.run(label, workers, duration);
        long grown = database.count(BenchDatabase.EVENT_TABLE) - before;
        appended.merge(database, run.succeeded(), Long::sum);
        progress(String.format(Locale.ROOT, "%-72s %,10.1f/s  %,d ok, %,d failed", label, run.perSecond(),
                run.succeeded(), run.failed()));
        if (grown != run.succeeded()) {
            problems.add(label + ": the event table grew by " + grown + " rows for " + run.succeeded()
                    + " successes");
        }
        run.errorSamples().forEach(error -> problems.add(label + ": " + error));
        return run;
    }

    private void checkCounts() throws SQLException {
        long emptyEvents = empty.count(BenchDatabase.EVENT_TABLE);
        if (emptyEvents != appended.getOrDefault(empty, 0L)) {
            problems.add(empty.name() + " holds " + emptyEvents + " events, expected " + appended.get(empty));
        }
        long largeEvents = large.count(BenchDatabase.EVENT_TABLE);
        if (largeEvents != seeded.total() + appended.getOrDefault(large, 0L)) {
            problems.add(large.name() + " holds " + largeEvents + " events, expected " + seeded.total() + " + "
                    + appended.get(large));
        }
    }

    private double emptyRate() {
        return (appends.get(0).perSecond() + appends.get(3).perSecond()) / 2;
    }

    private double largeRate() {
        return (appends.get(1).perSecond() + appends.get(2).perSecond()) / 2;
    }

    /** The lines of the one table a full run prints. */
    List<SummaryRow> summaryRows() {
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(SummaryRow.atLeast(String.format(Locale.ROOT, "append rate with %,d events stored (gateway, %d "
                + "threads)", seeded.total(), settings.concurrency()), largeRate(), emptyRate(), "events/s", 0.8));
        if (snapshotRuns.size() >= 2) {
            double off = snapshotRuns.getFirst().meanMillis();
            double on = snapshotRuns.getLast().meanMillis();
            rows.add(SummaryRow.reported("command on a commitment with " + LONG_LIVED_EVENTS + " events, snapshots "
                    + "on / off", String.format(Locale.ROOT, "%.2f ms", on), String.format(Locale.ROOT, "%.2f ms",
                    off), on / off));
        }
        return rows;
    }

    private void report() throws SQLException {
        PrintStream out = System.out;
        out.println();
        out.printf(Locale.ROOT, "Cluj Resilience Tracker: appends with %,d events stored beside an empty store, "
                + "%d s per measured run (warm-up %d s, discarded)%n%n", seeded.total(), settings.duration()
                .toSeconds(), settings.warmup().toSeconds());
        out.printf(ROW, "", "run (each on a freshly started command service)", "ok", "events/s", "mean ms");
        String[] keys = {"E1", "L1", "L2", "E2"};
        for (int i = 0; i < appends.size(); i++) {
            Run run = appends.get(i);
            out.printf(ROW, keys[i], run.label() + String.format(Locale.ROOT, " (%,d stored)", storeSizes.get(i)),
                    String.format(Locale.ROOT, "%,d", run.succeeded()),
                    String.format(Locale.ROOT, "%,.1f", run.perSecond()),
                    String.format(Locale.ROOT, "%.2f", run.meanMillis()));
        }
        out.println();
        out.printf(Locale.ROOT, "large / empty = %.3f (mean of L1 and L2 beside the mean of E1 and E2; target at "
                + "least 0.8)%n", largeRate() / emptyRate());
        out.println();
        out.printf(ROW, "", "snapshots (commands on one commitment take turns: 1 thread)", "ok", "cmd/s", "mean ms");
        for (int i = 0; i < snapshotRuns.size(); i++) {
            Run run = snapshotRuns.get(i);
            out.printf(ROW, "S" + i, run.label(), String.format(Locale.ROOT, "%,d", run.succeeded()),
                    String.format(Locale.ROOT, "%,.1f", run.perSecond()),
                    String.format(Locale.ROOT, "%.2f", run.meanMillis()));
        }
        snapshotFacts.forEach(line -> out.println("  " + line));
        out.println();
        out.printf(Locale.ROOT, "Seeding: %,d events recorded through the service in %.1f s, then %,d copied with "
                + "COPY and sealed into the chain in %.1f s,%nthe two unique UUID indexes built again in %.1f s, "
                + "VACUUM ANALYZE and CHECKPOINT in %.1f s. Event table %.2f GiB, its indexes %.2f GiB.%n",
                seeded.total() - seeded.seeded(), recording.toNanos() / 1e9, seeded.seeded(),
                seeded.copying().toNanos() / 1e9, seeded.indexing().toNanos() / 1e9,
                seeded.vacuuming().toNanos() / 1e9, seeded.tableGiB(), seeded.indexGiB());
        out.println("Seeded events by type:");
        seeded.mix().forEach((type, n) -> out.printf(Locale.ROOT, "  %-22s %,11d  %5.1f %%%n", type, n,
                100.0 * n / seeded.seeded()));
        new Report(out).lines("Summary rows:", summaryRows().stream().map(row -> String.format(Locale.ROOT,
                "%s: %s beside %s, ratio %s, target %s %s", row.figure(), row.measured(), row.baseline(),
                row.ratioText(), row.target(), row.verdict())).toList());
        new Report(out).facts(large.facts(), large.name() + " and " + empty.name(), loadBefore);
        new Report(out).lines("PROBLEMS (exit status 1):", problems);
        out.flush();
    }

    private static InterviewContent contentOf(StoredEvent event) {
        SimpleSerializedObject<byte[]> serialized = new SimpleSerializedObject<>(event.payload(), byte[].class,
                event.payloadType(), event.payloadRevision());
        InterviewRecorded recorded = StorageSerialization.storageSerializer().deserialize(serialized);
        return recorded.content();
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(String what, Duration limit, Condition condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": still waiting after " + limit);
            }
            Thread.sleep(100);
        }
    }

    private void cleanUp() {
        Cleanup.quietly("HTTP client", () -> http.close(), http != null);
        Cleanup.quietly("command service", () -> service.close(), service != null);
        Cleanup.quietly("inspection connection", () -> large.close(), large != null);
        Cleanup.quietly("inspection connection", () -> empty.close(), empty != null);
        Cleanup.database(large, settings.keep());
        Cleanup.database(empty, settings.keep());
    }

    private static void progress(String message) {
        System.err.println("[benchmark] " + message);
    }
}
