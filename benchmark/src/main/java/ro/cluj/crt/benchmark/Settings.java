package ro.cluj.crt.benchmark;

import java.time.Duration;
import java.util.Map;

/**
 * What one run measures and where: arguments ({@code --duration=15}, {@code --warmup=3}, {@code --clients=8},
 * {@code --keep}) win over the environment ({@code CRT_BENCH_DURATION}, {@code CRT_BENCH_WARMUP},
 * {@code CRT_BENCH_CLIENTS}, {@code CRT_BENCH_DATABASE_URL}); durations are in seconds.
 *
 * @param serverUrl   the JDBC address of the PostgreSQL server, ending in '/', under which the fresh database is made
 * @param warmup      how long each workload runs, discarded, before anything is measured; at least 1 s, because the
 *                    events of the HTTP warm-up give the baseline its bytes
 * @param duration    how long each measured run lasts
 * @param concurrency the number of HTTP clients, command threads and baseline connections
 * @param keep        whether the database is kept after the run, for a look at what was written
 */
record Settings(String serverUrl, Duration warmup, Duration duration, int concurrency, boolean keep) {

    static final String USAGE = """
            usage: java -jar crt-benchmark.jar [--duration=SECONDS] [--warmup=SECONDS] [--clients=N] [--keep]
              environment: CRT_BENCH_DATABASE_URL (default jdbc:postgresql://127.0.0.1:5432/),
                           CRT_BENCH_DURATION (15), CRT_BENCH_WARMUP (3), CRT_BENCH_CLIENTS (8)""";

    private static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    static Settings from(String[] args, Map<String, String> env) {
        String server = env.getOrDefault("CRT_BENCH_DATABASE_URL", DEFAULT_SERVER);
        long warmup = seconds(env.getOrDefault("CRT_BENCH_WARMUP", "3"));
        long duration = seconds(env.getOrDefault("CRT_BENCH_DURATION", "15"));
        int concurrency = Integer.parseInt(env.getOrDefault("CRT_BENCH_CLIENTS", "8"));
        boolean keep = false;
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
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (duration < 1 || warmup < 1 || concurrency < 1) {
            throw new IllegalArgumentException("duration and warm-up must be at least 1 s, clients at least 1");
        }
        String url = server.endsWith("/") ? server : server + "/";
        return new Settings(url, Duration.ofSeconds(warmup), Duration.ofSeconds(duration), concurrency, keep);
    }

    private static long seconds(String text) {
        String number = text.strip().endsWith("s") ? text.strip().substring(0, text.strip().length() - 1) : text;
        return Long.parseLong(number.strip());
    }
}
