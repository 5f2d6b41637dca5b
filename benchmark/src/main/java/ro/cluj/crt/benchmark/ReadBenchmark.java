package ro.cluj.crt.benchmark;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import ro.cluj.crt.command.CommandServiceApplication;
import ro.cluj.crt.command.config.Clocks;
import ro.cluj.crt.events.commitment.ProgressReported;
import ro.cluj.crt.query.QueryServiceApplication;
import ro.cluj.crt.query.commitment.CommitmentTimelineProjection;
import ro.cluj.crt.query.config.ProjectionPositions;

/**
 * Measures how fast the read API answers the questions monitors and the public ask most, beside hand-written SQL
 * over the same projection tables in the same run: the timeline and the state of a commitment with a long history,
 * and the dashboard (counts, an at-risk list, scorecards) over many commitments. The data is seeded through the
 * command gateway and read once the query service has applied all of it.
 *
 * <p>Exits 0 when every request and query succeeded and the seeded rows are all in the views, 1 otherwise, 2 when
 * the run could not be set up.
 */
final class ReadBenchmark {

    private static final int ORGANISATIONS = 50;
    private static final Duration CATCH_UP = Duration.ofMinutes(10);
    private static final String VIEWS = "crt_query.";
    /** Organisations the lag figure's reports go to, one commitment each, spread over the processor's segments. */
    private static final int LAG_TARGETS = 20;
    private static final double MAX_RATIO = 1.5;
    /** A commitment's standing from the columns of the dashboard row {@code %1$s} (today and horizon as ?). */
    private static final String STANDING = """
            CASE WHEN %1$sstatus <> 'open' THEN %1$sstatus
                 WHEN %1$smissed_milestones > 0 OR %1$snext_due_date < ? THEN 'late'
                 WHEN %1$snext_due_date <= ? OR %1$sprogress_status IN ('at-risk', 'delayed', 'blocked')
                 THEN 'at-risk'
                 ELSE 'on-track' END""";
    /** Counts by standing over rows {@code g} that count the commitments {@code n} of each standing. */
    private static final String COUNTS = """
            coalesce(sum(g.n), 0)::bigint, coalesce(sum(g.n) FILTER (WHERE g.standing = 'on-track'), 0)::bigint,
            coalesce(sum(g.n) FILTER (WHERE g.standing = 'at-risk'), 0)::bigint,
            coalesce(sum(g.n) FILTER (WHERE g.standing = 'late'), 0)::bigint,
            coalesce(sum(g.n) FILTER (WHERE g.standing = 'fulfilled'), 0)::bigint,
            coalesce(sum(g.n) FILTER (WHERE g.standing = 'abandoned'), 0)::bigint""";

    /**
     * The one reading client asks far more often than the public read limit allows one address; the filter still
     * runs for every request (its cost is measured), it only never refuses.
     */
    private static final String[] UNLIMITED_READS = {
        "--crt.query.public-rate-limit.burst=1000000000",
        "--crt.query.public-rate-limit.requests=1000000000",
    };

    private final Settings settings;
    private final List<String> problems = new ArrayList<>();
    private final LocalDate today = LocalDate.now(Clocks.CLUJ);
    private final double loadBefore = Report.loadAverage();
    private BenchDatabase database;
    private ServiceUnderTest commands;
    private ServiceUnderTest queries;
    private HttpWorkload staff;
    private HttpClient reader;
    private Connection sql;
    private final List<ReadProbe.Result> results = new ArrayList<>();
    private LagProbe.Result lag;

    ReadBenchmark(Settings settings) {
        this.settings = settings;
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
        commands = ServiceUnderTest.start(CommandServiceApplication.class, CommandServiceApplication.CONFIG_NAME,
                database.url(), secrets);
        queries = ServiceUnderTest.start(QueryServiceApplication.class, QueryServiceApplication.CONFIG_NAME,
                database.url(), secrets, UNLIMITED_READS);
        staff = new HttpWorkload(commands.port());
        staff.logIn(1);
        List<String> organisations = new ArrayList<>();
        for (int i = 0; i < ORGANISATIONS; i++) {
            organisations.add(staff.registerOrganisation());
        }
        Settings.Reading reading = settings.reading();
        CommitmentSeeder seeder = new CommitmentSeeder(commands.bean(CommandGateway.class), staff.accountId());
        long began = System.nanoTime();
        String longLived = seeder.longLived(organisations.getFirst(), reading.timelineEvents() - 1);
        seeder.seed(reading.commitments() - 1, organisations, settings.concurrency());
        progress(String.format(Locale.ROOT, "seeded %,d commitments with %,d commands in %.1f s",
                reading.commitments(), seeder.commands(), (System.nanoTime() - began) / 1e9));
        sql = DriverManager.getConnection(database.url(), BenchDatabase.USER, "");
        reader = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long position = awaitQuiet();
        checkViews(longLived, reading);
        int warmup = Math.max(20, reading.samples() / 4);
        for (ReadProbe probe : probes(longLived)) {
            ReadProbe.Result result = probe.measure(warmup, reading.samples());
            progress(String.format(Locale.ROOT, "%-4s %-58s API %8.2f ms, SQL %8.2f ms (medians)", probe.key(),
                    probe.label(), result.api().medianMillis(), result.baseline().medianMillis()));
            results.add(result);
        }
        lag = measureLag(seeder, organisations, reading);
        report(results, position, warmup);
    }

    /** The steady write load and the lag behind it, after the read figures (its reports add to the views). */
    private LagProbe.Result measureLag(CommitmentSeeder seeder, List<String> organisations,
                                       Settings.Reading reading) throws Exception {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < LAG_TARGETS; i++) {
            targets.add(seeder.longLived(organisations.get(i % organisations.size()), 0));
        }
        database.createBaselineTable();
        BaselineWorkload inserts = new BaselineWorkload(database.latestEvent(ProgressReported.class.getName()));
        ProjectionPositions positions = queries.bean(ProjectionPositions.class);
        try (inserts) {
            Operation commit = inserts.workers(database.url(), BenchDatabase.USER, 1).getFirst();
            LagProbe probe = new LagProbe(seeder, targets,
                    () -> positions.position(CommitmentTimelineProjection.PROCESSING_GROUP), commit, database.url());
            progress(String.format(Locale.ROOT, "steady load: %d progress reports/s for %d s", reading.lagRate(),
                    reading.lagSeconds()));
            LagProbe.Result result = probe.measure(reading.lagRate(), Duration.ofSeconds(reading.lagSeconds()));
            progress(String.format(Locale.ROOT, "lag p50 / p99: view %.1f / %.1f ms, readable %.1f / %.1f ms; "
                    + "commit round trip %.2f / %.2f ms", result.view().medianMillis(), result.view().p99Millis(),
                    result.readable().medianMillis(), result.readable().p99Millis(),
                    result.commits().medianMillis(), result.commits().p99Millis()));
            return result;
        }
    }

    /** Waits until no deadline is due any more and the dashboard has applied every stored event; its position. */
    private long awaitQuiet() throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (System.nanoTime() < deadline) {
            long due = single("SELECT count(*) FROM event_store.scheduled_tasks WHERE execution_time <= now()");
            long last = single("SELECT coalesce(max(global_index), 0) FROM " + BenchDatabase.EVENT_TABLE);
            if (due == 0) {
                HttpResponse<String> answer = get("/api/dashboard?minPosition=" + last);
                if (answer.statusCode() == 200) {
                    progress(String.format(Locale.ROOT, "read side caught up with position %,d", last));
                    return last;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the read side did not catch up within " + CATCH_UP);
    }

    private void checkViews(String longLived, Settings.Reading reading) throws SQLException {
        long commitments = single("SELECT count(*) FROM " + VIEWS + "commitment_dashboard");
        if (commitments != reading.commitments()) {
            problems.add("the dashboard holds " + commitments + " commitments, seeded " + reading.commitments());
        }
        long timeline = single("SELECT count(*) FROM " + VIEWS + "commitment_timeline WHERE commitment_id = '"
                + longLived + "'");
        if (timeline != reading.timelineEvents()) {
            problems.add("the long-lived timeline holds " + timeline + " events, expected "
                    + reading.timelineEvents());
        }
    }

    private List<ReadProbe> probes(String longLived) throws SQLException {
        LocalDate horizon = today.plusDays(30);
        PreparedStatement timeline = sql.prepareStatement("""
                SELECT sequence_number, event_type, occurred_on, recorded_at, actor_role, actor_id, reason, content
                FROM crt_query.commitment_timeline WHERE commitment_id = ? ORDER BY sequence_number""");
        timeline.setString(1, longLived);
        PreparedStatement state = sql.prepareStatement("""
                SELECT event_type, sequence_number, content FROM crt_query.commitment_timeline
                WHERE commitment_id = ? AND recorded_at <= now() ORDER BY sequence_number""");
        state.setString(1, longLived);
        String standing = "SELECT %s, " + STANDING.formatted("d.") + " AS standing, count(*) AS n"
                + " FROM crt_query.commitment_dashboard d GROUP BY 1, 2";
        List<PreparedStatement> summary = List.of(
                dated("SELECT " + COUNTS + " FROM (" + standing.formatted("NULL") + ") g", today, horizon),
                dated("SELECT g.key, " + COUNTS + " FROM (" + standing.formatted("d.field AS key") + ") g"
                        + " GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST", today, horizon),
                dated("SELECT g.key, " + COUNTS + " FROM (" + standing.formatted("d.session_id AS key") + ") g"
                        + " GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST", today, horizon),
                sql.prepareStatement("""
                        SELECT g.month, sum(g.n) FILTER (WHERE g.event_type = 'CommitmentMade'),
                               sum(g.n) FILTER (WHERE g.event_type = 'CommitmentFulfilled'),
                               sum(g.n) FILTER (WHERE g.event_type = 'CommitmentAbandoned'),
                               sum(g.n) FILTER (WHERE g.event_type = 'CommitmentReopened'),
                               sum(g.n) FILTER (WHERE g.event_type IN ('MilestoneMissed', 'TargetDateMissed')),
                               sum(g.n) FILTER (WHERE g.event_type = 'ProgressReported'),
                               sum(g.n) FILTER (WHERE g.event_type = 'CommitmentReviewed')
                        FROM (SELECT to_char(coalesce(occurred_on,
                                         (recorded_at AT TIME ZONE 'Europe/Bucharest')::date), 'YYYY-MM') AS month,
                                     event_type, count(*) AS n
                              FROM crt_query.commitment_timeline GROUP BY 1, 2) g
                        GROUP BY 1 ORDER BY 1"""));
        // at risk: open, not late (no missed milestone, not past due), and due within the horizon or reported so
        String atRisk = "FROM crt_query.commitment_dashboard d WHERE d.status = 'open' AND d.missed_milestones = 0"
                + " AND (d.next_due_date IS NULL OR d.next_due_date >= ?) AND (d.next_due_date <= ?"
                + " OR d.progress_status IN ('at-risk', 'delayed', 'blocked'))";
        List<PreparedStatement> list = List.of(
                dated("SELECT count(*) " + atRisk, today, horizon),
                dated("""
                        SELECT d.commitment_id, d.last_sequence, d.status, d.title, d.field, d.kind,
                               d.lead_organisation_id, d.co_signer_ids, d.session_id, d.start_date, d.target_date,
                               d.next_due_date, d.missed_milestones, d.progress_status, d.percentage, d.progress_for,
                               d.assessment, d.made_at, d.changed_at, o.name
                        """ + atRisk.replace("FROM crt_query.commitment_dashboard d",
                        "FROM crt_query.commitment_dashboard d LEFT JOIN crt_query.organisation o"
                                + " ON o.organisation_id = d.lead_organisation_id")
                        + " ORDER BY d.next_due_date, d.commitment_id LIMIT 50", today, horizon));
        List<PreparedStatement> scorecards = List.of(
                sql.prepareStatement("SELECT count(DISTINCT organisation_id) FROM crt_query.commitment_party"),
                dated("SELECT g.organisation_id, g.name, " + COUNTS + " FROM (SELECT p.organisation_id, o.name, "
                        + STANDING.formatted("d.") + " AS standing, count(*) AS n FROM crt_query.commitment_party p"
                        + " JOIN crt_query.commitment_dashboard d USING (commitment_id)"
                        + " LEFT JOIN crt_query.organisation o ON o.organisation_id = p.organisation_id"
                        + " GROUP BY 1, 2, 3) g GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT " + ORGANISATIONS, today,
                        horizon));
        String events = String.format(Locale.ROOT, "%,d", settings.reading().timelineEvents());
        String commitments = String.format(Locale.ROOT, "%,d", settings.reading().commitments());
        return List.of(
                new ReadProbe("R1", "timeline of a commitment with " + events + " events",
                        api("/api/commitments/" + longLived + "/timeline"), rows(List.of(timeline))),
                new ReadProbe("R2", "state of that commitment, folded from its timeline",
                        api("/api/commitments/" + longLived), rows(List.of(state))),
                new ReadProbe("R3", "dashboard counts over " + commitments + " commitments",
                        api("/api/dashboard"), rows(summary)),
                new ReadProbe("R4", "dashboard list: at risk, most urgent first, page of 50",
                        api("/api/dashboard/commitments?standing=at-risk&sort=next-due&size=50"), rows(list)),
                new ReadProbe("R5", "scorecards of " + ORGANISATIONS + " organisations",
                        api("/api/dashboard/scorecards?size=" + ORGANISATIONS), rows(scorecards)));
    }

    private PreparedStatement dated(String query, LocalDate first, LocalDate second) throws SQLException {
        PreparedStatement statement = sql.prepareStatement(query);
        int index = 1;
        for (int i = 0; i < query.split("\\?", -1).length - 1; i++) {
            statement.setObject(index++, i % 2 == 0 ? first : second);
        }
        return statement;
    }

    private Operation api(String path) {
        return () -> {
            HttpResponse<String> answer = get(path);
            if (answer.statusCode() != 200 || answer.body().isEmpty()) {
                throw new IllegalStateException(path + " answered " + answer.statusCode());
            }
        };
    }

    /** Runs each statement and reads every column of every row, as a hand-written read would. */
    private static Operation rows(List<PreparedStatement> statements) {
        return () -> {
            long cells = 0;
            for (PreparedStatement statement : statements) {
                try (ResultSet rows = statement.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            cells += rows.getString(i) == null ? 0 : 1;
                        }
                    }
                }
            }
            if (cells == 0) {
                throw new IllegalStateException("the baseline read nothing");
            }
        };
    }

    private HttpResponse<String> get(String path) throws Exception {
        return reader.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + queries.port() + path))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private long single(String query) throws SQLException {
        try (Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void report(List<ReadProbe.Result> results, long position, int warmup) throws Exception {
        PrintStream out = System.out;
        String row = "%-4s %-58s %10s %9s %10s %9s %8s %8s%n";
        out.println();
        out.printf(Locale.ROOT, "Cluj Resilience Tracker: read latency, one client, %d timed turns per figure after "
                + "%d warm-up turns;%neach turn sends the API request, then runs the SQL baseline. Views at event "
                + "store position %,d.%n%n", settings.reading().samples(), warmup, position);
        out.printf(row, "", "figure", "API median", "API p99", "SQL median", "SQL p99", "ratio 50", "ratio 99");
        for (ReadProbe.Result result : results) {
            out.printf(Locale.ROOT, row, result.probe().key(), result.probe().label(),
                    millis(result.api().medianMillis()), millis(result.api().p99Millis()),
                    millis(result.baseline().medianMillis()), millis(result.baseline().p99Millis()),
                    String.format(Locale.ROOT, "%.2f", result.api().medianMillis() / result.baseline().medianMillis()),
                    String.format(Locale.ROOT, "%.2f", result.api().p99Millis() / result.baseline().p99Millis()));
        }
        out.println();
        out.println("Times in ms. API: a GET to the query service over HTTP/1.1 on one kept-alive connection, no "
                + "login (public reads),");
        out.println("until the whole body is read. SQL: the same question as hand-written SQL over the same "
                + "projection tables on one");
        out.println("JDBC connection, every column of every row read as text. ratio = API / SQL.");
        out.println();
        reportLag(out);
        out.printf(Locale.ROOT, "Seeded: %,d commitments across %d organisations and 40 working sessions, one of "
                + "them with %,d events;%n%,d events stored; %,d timeline rows.%n", settings.reading().commitments(),
                ORGANISATIONS, settings.reading().timelineEvents(), single("SELECT count(*) FROM "
                        + BenchDatabase.EVENT_TABLE), single("SELECT count(*) FROM " + VIEWS
                        + "commitment_timeline"));
        new Report(out).facts(database.facts(), database.name(), loadBefore);
        new Report(out).lines("PROBLEMS (exit status 1):", problems);
        out.flush();
    }

    private void reportLag(PrintStream out) {
        String row = "%-4s %-58s %10s %9s%n";
        out.printf(Locale.ROOT, "Projection lag under a steady load of %,d progress reports (%.1f/s for %.1f s, "
                + "through the command gateway, each awaited):%n%n", lag.writes(), lag.rate(),
                lag.length().toMillis() / 1e3);
        out.printf(row, "", "", "p50", "p99");
        lagRow(out, row, "L1", "lag until the dashboard view holds the report", lag.view());
        lagRow(out, row, "L2", "lag until minPosition reads may answer with it", lag.readable());
        lagRow(out, row, "C", "commit round trip: JDBC insert of one event row, autocommit", lag.commits());
        lagRow(out, row, "", "(the progress report command itself, for comparison)", lag.commands());
        out.println();
        out.println("Times in ms, from the gateway's answer (the report's events are committed). L1: the commitment's "
                + "row in");
        out.println("crt_query.commitment_dashboard has the report's sequence. L2: every segment token of the "
                + "commitments processor");
        out.println("has reached the report's global index (ProjectionPositions.position, what minPosition waits "
                + "for). Both polled every");
        out.println("2 ms from their own connection. C: between two reports, an INSERT of the bytes of a stored "
                + "ProgressReported into a copy");
        out.println("of the event table, on a connection of its own, autocommit (one commit, one WAL flush).");
        out.println();
    }

    private static void lagRow(PrintStream out, String row, String key, String label, Latencies latencies) {
        out.printf(Locale.ROOT, row, key, label, millis(latencies.medianMillis()), millis(latencies.p99Millis()));
    }

    /**
     * The read run's lines of the one table a full run prints: each query's median and p99 beside its SQL (target
     * at most 1.5), and the projection lag's p99 beside a commit round trip's (reported). Call after
     * {@link #runAndCleanUp()}; empty when the run did not get that far.
     */
    List<SummaryRow> summaryRows() {
        List<SummaryRow> rows = new ArrayList<>();
        for (ReadProbe.Result result : results) {
            String figure = result.probe().key() + " " + result.probe().label();
            rows.add(SummaryRow.atMost(figure + ", median", "API " + millis(result.api().medianMillis()) + " ms",
                    "SQL " + millis(result.baseline().medianMillis()) + " ms",
                    result.api().medianMillis() / result.baseline().medianMillis(), MAX_RATIO));
            rows.add(SummaryRow.atMost(figure + ", p99", "API " + millis(result.api().p99Millis()) + " ms",
                    "SQL " + millis(result.baseline().p99Millis()) + " ms",
                    result.api().p99Millis() / result.baseline().p99Millis(), MAX_RATIO));
        }
        if (lag != null) {
            rows.add(SummaryRow.reported(String.format(Locale.ROOT, "projection lag under steady load (%.0f writes/s),"
                    + " p99, until minPosition reads see it", lag.rate()), "p99 " + millis(lag.readable().p99Millis())
                    + " ms", "commit p99 " + millis(lag.commits().p99Millis()) + " ms",
                    lag.readable().p99Millis() / lag.commits().p99Millis()));
        }
        return rows;
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private void cleanUp() {
        Cleanup.quietly("read connection", () -> sql.close(), sql != null);
        Cleanup.quietly("read client", () -> reader.close(), reader != null);
        Cleanup.quietly("staff client", () -> staff.close(), staff != null);
        Cleanup.quietly("query service", () -> queries.close(), queries != null);
        Cleanup.quietly("command service", () -> commands.close(), commands != null);
        Cleanup.quietly("inspection connection", () -> database.close(), database != null);
        Cleanup.database(database, settings.keep());
    }

    private static void progress(String message) {
        System.err.println("[benchmark] " + message);
    }
}
