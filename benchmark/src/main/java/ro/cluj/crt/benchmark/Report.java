package ro.cluj.crt.benchmark;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the figures, the baseline runs they are compared with, and the facts of the machine. */
final class Report {

    private static final String ROW = "%-4s %-56s %8s %7s %10s %11s %7s %8s %8s%n";

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    /** A measured figure and the baseline runs measured just before and just after it. */
    record Figure(String key, Run run, Run baselineBefore, Run baselineAfter) {

        double baseline() {
            return (baselineBefore.perSecond() + baselineAfter.perSecond()) / 2;
        }
    }

    void title(Settings settings) {
        out.println();
        out.printf("Cluj Resilience Tracker: write throughput, %d concurrent workers per workload, %d s per measured "
                + "run (each workload warmed up %d s first, discarded)%n%n", settings.concurrency(),
                settings.duration().toSeconds(), settings.warmup().toSeconds());
    }

    void table(List<Figure> figures, List<Run> baselines) {
        out.printf(ROW, "", "figure", "ok", "failed", "value/s", "baseline/s", "ratio", "mean ms", "cpu ms");
        for (Figure figure : figures) {
            Run run = figure.run();
            out.printf(ROW, figure.key(), run.label(), count(run.succeeded()), count(run.failed()),
                    rate(run.perSecond()), rate(figure.baseline()),
                    String.format(Locale.ROOT, "%.3f", run.perSecond() / figure.baseline()), millis(run),
                    cpu(run));
        }
        for (int i = 0; i < baselines.size(); i++) {
            Run run = baselines.get(i);
            out.printf(ROW, "B" + (i + 1), run.label(), count(run.succeeded()), count(run.failed()),
                    rate(run.perSecond()), "", "", millis(run), cpu(run));
        }
        out.println();
        out.println("Measured in this order: B1, 1, B2, 2, B3. The baseline/s of each figure is the mean of the "
                + "baseline runs just");
        out.println("before and just after it (1: B1 and B2; 2: B2 and B3); ratio = value/s / baseline/s. 'ok' counts "
                + "operations");
        out.println("started before the deadline; a run's time ends when the last of them has returned. 'cpu ms' is "
                + "the CPU time of");
        out.println("this JVM (service, clients, benchmark) per successful operation: less swayed than the rates by "
                + "other work on the machine.");
    }

    void sizes(StoredEvent sample, double[] events, double[] baseline, int requestBytes) {
        out.println();
        out.printf(Locale.ROOT, "HTTP request body %,d bytes. Baseline rows copy a stored InterviewRecorded event:%n"
                + "payload %,d bytes, metadata %,d bytes.%n", requestBytes, sample.payload().length,
                sample.metaData().length);
        out.printf(Locale.ROOT, "Mean stored sizes of interview rows: event store payload %,.0f / metadata %,.0f "
                + "bytes;%nbaseline payload %,.0f / metadata %,.0f bytes.%n", events[0], events[1], baseline[0],
                baseline[1]);
    }

    /**
     * @param loadBefore the system's 1-minute load average before the benchmark started anything, showing whatever
     *                   else ran on the machine
     */
    void facts(Map<String, String> server, String databaseName, double loadBefore) {
        out.println();
        out.printf("Machine: %d cores (availableProcessors), %s %s, Java %s (%s)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.name"));
        out.printf(Locale.ROOT, "1-minute load average: %.2f before the run started anything (other work on the "
                + "machine skews the figures),%n%.2f at its end (this run's own workers included)%n", loadBefore,
                loadAverage());
        out.printf("PostgreSQL %s, database %s%nServer settings (as found, not changed): %s%n",
                server.get("server_version"),
                databaseName, settings(server));
    }

    void lines(String heading, List<String> lines) {
        if (!lines.isEmpty()) {
            out.println();
            out.println(heading);
            lines.forEach(line -> out.println("  " + line));
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String settings(Map<String, String> server) {
        StringBuilder text = new StringBuilder();
        server.forEach((name, value) -> {
            if (!name.equals("server_version")) {
                text.append(text.isEmpty() ? "" : ", ").append(name).append('=').append(value);
            }
        });
        return text.toString();
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String rate(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String cpu(Run run) {
        return String.format(Locale.ROOT, "%.3f", run.cpuMillisPerOperation());
    }

    private static String millis(Run run) {
        return String.format(Locale.ROOT, "%.2f", run.meanMillis());
    }
}
