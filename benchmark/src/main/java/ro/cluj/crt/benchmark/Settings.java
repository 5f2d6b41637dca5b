package ro.cluj.crt.benchmark;

import java.time.Duration;
import java.util.Map;

/**
 * What one run measures and where: arguments ({@code --duration=15}, {@code --warmup=15}, {@code --clients=8},
 * {@code --keep}, for the read figures {@code --reads}, {@code --samples=200}, {@code --commitments=10000},
 * {@code --timeline-events=1000}, {@code --lag-seconds=30}, {@code --lag-rate=40}, for the replay figures
 * {@code --replay}, {@code --events=1000000}) win over the environment ({@code CRT_BENCH_DURATION},
 * {@code CRT_BENCH_WARMUP}, {@code CRT_BENCH_CLIENTS}, {@code CRT_BENCH_DATABASE_URL}); durations are in seconds.
 *
 * @param serverUrl   the JDBC address of the PostgreSQL server, ending in '/', under which the fresh database is made
 * @param warmup      how long each workload runs, discarded, before anything is measured; at least 1 s, because the
 *                    events of the HTTP warm-up give the baseline its bytes
 * @param duration    how long each measured run lasts
 * @param concurrency the number of HTTP clients, command threads and baseline connections
 * @param keep        whether the database is kept after the run, for a look at what was written
 * @param reads       whether this run measures read latencies instead of write throughput
 * @param reading     what a read run seeds and how many times it asks each question
 * @param replay      whether this run measures how fast the query service replays a long history instead
 * @param events      how many events a replay run puts in the store (at least this many)
 * @param sealing     whether the write run also measures the hash chain's cost on appends ({@code --no-sealing}
 *                    leaves that out)
 * @param size        whether this run measures appends on a large store beside an empty one instead
 * @param storedEvents how many events a size run seeds the large store with
 */
record Settings(String serverUrl, Duration warmup, Duration duration, int concurrency, boolean keep, boolean reads,
                Reading reading, boolean replay, long events, boolean sealing, boolean size, long storedEvents) {

    /**
     * @param samples        timed turns of each read figure (API and SQL once each per turn)
     * @param commitments    commitments seeded, the long-lived one included
     * @param timelineEvents events in the long-lived commitment's timeline
     * @param lagSeconds     how long the steady write load of the lag figure lasts
     * @param lagRate        progress reports per second of that load
     */
    record Reading(int samples, int commitments, int timelineEvents, int lagSeconds, int lagRate) {
    }

    static final String USAGE = """
            usage: java -jar crt-benchmark.jar [--duration=SECONDS] [--warmup=SECONDS] [--clients=N] [--no-sealing]
                                               [--keep]
                   java -jar crt-benchmark.jar --reads [--samples=200] [--commitments=10000] [--timeline-events=1000]
                                               [--lag-seconds=30] [--lag-rate=40] [--clients=N] [--keep]
                   java -jar crt-benchmark.jar --replay [--events=1000000] [--keep]
                   java -jar crt-benchmark.jar --size [--stored-events=10000000] [--duration=S] [--keep]
              environment: CRT_BENCH_DATABASE_URL (default jdbc:postgresql://127.0.0.1:5432/),
                           CRT_BENCH_DURATION (15), CRT_BENCH_WARMUP (15), CRT_BENCH_CLIENTS (8)""";

    private static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    static Settings from(String[] args, Map<String, String> env) {
        String server = env.getOrDefault("CRT_BENCH_DATABASE_URL", DEFAULT_SERVER);
        long warmup = seconds(env.getOrDefault("CRT_BENCH_WARMUP", "15"));
        long duration = seconds(env.getOrDefault("CRT_BENCH_DURATION", "15"));
        int concurrency = Integer.parseInt(env.getOrDefault("CRT_BENCH_CLIENTS", "8"));
        boolean keep = false;
        boolean reads = false;
        boolean replay = false;
        boolean sealing = true;
        long events = 1_000_000;
        boolean size = false;
        long storedEvents = 10_000_000;
        int samples = 200;
        int commitments = 10_000;
        int timelineEvents = 1_000;
        int lagSeconds = 30;
        int lagRate = 40;
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--duration=")) {
                duration = seconds(value);
            } else if (arg.startsWith("--warmup=")) {
                warmup = seconds(value);
            } else if (arg.startsWith("--clients=")) {
                concurrency = Integer.parseInt(value);
            } else if (arg.equals("--keep")) {
                keep = true;
            } else if (arg.equals("--reads")) {
                reads = true;
            } else if (arg.equals("--all")) {
                // every part in one run: FullRun reads it
            } else if (arg.equals("--no-sealing")) {
                sealing = false;
            } else if (arg.equals("--replay")) {
                replay = true;
            } else if (arg.equals("--size")) {
                size = true;
            } else if (arg.startsWith("--stored-events=")) {
                storedEvents = Long.parseLong(value);
            } else if (arg.startsWith("--events=")) {
                events = Long.parseLong(value);
            } else if (arg.startsWith("--samples=")) {
                samples = Integer.parseInt(value);
            } else if (arg.startsWith("--commitments=")) {
                commitments = Integer.parseInt(value);
            } else if (arg.startsWith("--timeline-events=")) {
                timelineEvents = Integer.parseInt(value);
            } else if (arg.startsWith("--lag-seconds=")) {
                lagSeconds = (int) seconds(value);
            } else if (arg.startsWith("--lag-rate=")) {
                lagRate = Integer.parseInt(value);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (duration < 1 || warmup < 1 || concurrency < 1) {
            throw new IllegalArgumentException("duration and warm-up must be at least 1 s, clients at least 1");
        }
        if (samples < 1 || commitments < 1 || timelineEvents < 2 || lagSeconds < 1 || lagRate < 1) {
            throw new IllegalArgumentException("samples, commitments, lag seconds and lag rate must be at least 1, "
                    + "timeline events 2");
        }
        if ((reads ? 1 : 0) + (replay ? 1 : 0) + (size ? 1 : 0) > 1) {
            throw new IllegalArgumentException("--reads, --replay and --size are separate runs");
        }
        if (storedEvents < SizeBenchmark.MINIMUM_STORED_EVENTS) {
            throw new IllegalArgumentException("--stored-events must be at least "
                    + SizeBenchmark.MINIMUM_STORED_EVENTS);
        }
        if (events < ReplayBenchmark.MINIMUM_EVENTS) {
            throw new IllegalArgumentException("--events must be at least " + ReplayBenchmark.MINIMUM_EVENTS);
        }
        String url = server.endsWith("/") ? server : server + "/";
        return new Settings(url, Duration.ofSeconds(warmup), Duration.ofSeconds(duration), concurrency, keep, reads,
                new Reading(samples, commitments, timelineEvents, lagSeconds, lagRate), replay, events, sealing, size,
                storedEvents);
    }

    private static long seconds(String text) {
        String number = text.strip().endsWith("s") ? text.strip().substring(0, text.strip().length() - 1) : text;
        return Long.parseLong(number.strip());
    }
}
