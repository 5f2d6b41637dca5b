package ro.cluj.crt.benchmark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Every figure of the performance issue in one run ({@code --all}): the write, read, replay and size runs one after
 * another, each on its own fresh database and printing its own report, then each service's idle memory, and at the
 * end one table of every figure beside its baseline from the same run, the ratio and the target.
 *
 * <p>Exit status: the highest of the parts' (0 all succeeded and checked, 1 a check or an operation failed, 2 a part
 * could not be set up).
 */
final class FullRun {

    /** One part of the run: what it is, how it ended, how long it took and the rows it gave. */
    private record Part(String name, int exitStatus, Duration elapsed, List<SummaryRow> rows) {
    }

    /** A part's run, answering its exit status. */
    private interface Step {
        int run() throws Exception;
    }

    private static final String ROW = "%-78s %16s %16s %7s %6s %8s%n";

    private final List<String> args;
    private final Map<String, String> env;
    private final List<Part> parts = new ArrayList<>();

    FullRun(String[] args, Map<String, String> env) {
        this.args = Arrays.stream(args).filter(arg -> !arg.equals("--all")).toList();
        this.env = env;
    }

    int run() {
        Instant began = Instant.now();
        Benchmark write = new Benchmark(settings());
        part("write throughput (figures 1, 2)", write::runAndCleanUp, write::summaryRows);
        ReadBenchmark reads = new ReadBenchmark(settings("--reads"));
        part("read latency and projection lag", reads::runAndCleanUp, reads::summaryRows);
        ReplayBenchmark replay = new ReplayBenchmark(settings("--replay"));
        part("projection replay and its heap", replay::runAndCleanUp, replay::summaryRows);
        SizeBenchmark size = new SizeBenchmark(settings("--size"));
        part("append rate on a large store", size::runAndCleanUp, size::summaryRows);
        List<SummaryRow> memory = new ArrayList<>();
        part("resident memory of idle services", () -> {
            for (IdleMemory.Measured measured : new IdleMemory(settings().serverUrl(), Path.of("").toAbsolutePath(),
                    Duration.ofSeconds(30)).measure()) {
                progress(IdleMemory.describe(measured));
                memory.add(SummaryRow.reported("resident memory (VmRSS) of the " + measured.service()
                        + ", idle, JVM defaults", String.format(Locale.ROOT, "%,.0f MiB", measured.mebibytes()), "",
                        Double.NaN));
            }
            return 0;
        }, () -> memory);
        print(System.out, began, Duration.between(began, Instant.now()));
        return parts.stream().mapToInt(Part::exitStatus).max().orElse(0);
    }

    private void part(String name, Step step, Supplier<List<SummaryRow>> rows) {
        progress("=== " + name + " ===");
        long began = System.nanoTime();
        int status;
        try {
            status = step.run();
        } catch (Exception e) {
            progress(name + " failed: " + e);
            status = 2;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
        parts.add(new Part(name, status, elapsed, rows.get()));
        progress(String.format(Locale.ROOT, "=== %s: exit status %d after %s ===", name, status, minutes(elapsed)));
    }

    private Settings settings(String... mode) {
        return Settings.from(Stream.concat(args.stream(), Stream.of(mode)).toArray(String[]::new), env);
    }

    private void print(PrintStream out, Instant began, Duration elapsed) {
        out.println();
        out.printf(Locale.ROOT, "Cluj Resilience Tracker: every performance figure in one run (began %s, took %s)%n%n",
                began.truncatedTo(ChronoUnit.SECONDS), minutes(elapsed));
        out.printf(ROW, "figure", "measured", "baseline", "ratio", "target", "");
        for (Part part : parts) {
            for (SummaryRow row : part.rows()) {
                out.printf(ROW, row.figure(), row.measured(), row.baseline(), row.ratioText(), row.target(),
                        row.verdict());
            }
        }
        out.println();
        for (Part part : parts) {
            out.printf(Locale.ROOT, "%-40s exit status %d, %s%s%n", part.name(), part.exitStatus(),
                    minutes(part.elapsed()), part.rows().isEmpty() ? ", no figures" : "");
        }
        out.printf(Locale.ROOT, "Machine: %d cores, Java %s; each part above printed its baselines, checks and "
                + "server settings.%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.flush();
    }

    private static String minutes(Duration duration) {
        return String.format(Locale.ROOT, "%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
    }

    private static void progress(String message) {
        System.err.println("[benchmark] " + message);
    }
}
