package ro.cluj.crt.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Each service's resident memory when idle: the command and the query service started as README runs them, as
 * separate processes from their executable jars with the JVM's default settings, against a fresh database; each is
 * read from {@code /proc/PID/status} once both have answered their health check and then stood idle for a while.
 */
final class IdleMemory {

    /** What one service held in memory, and how long it took to answer its health check. */
    record Measured(String service, long residentKib, Duration startup) {

        double mebibytes() {
            return residentKib / 1024.0;
        }
    }

    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    private final String serverUrl;
    private final Path root;
    private final Duration idle;

    /**
     * @param root the checkout the jars were built in (it holds {@code command-service/target/...-exec.jar})
     * @param idle how long both services stand idle before their memory is read
     */
    IdleMemory(String serverUrl, Path root, Duration idle) {
        this.serverUrl = serverUrl;
        this.root = root;
        this.idle = idle;
    }

    List<Measured> measure() throws Exception {
        BenchDatabase database = BenchDatabase.create(serverUrl);
        List<Process> started = new ArrayList<>();
        try {
            ServiceUnderTest.Secrets secrets = ServiceUnderTest.Secrets.generate();
            List<Duration> startups = new ArrayList<>();
            List<String> names = List.of("command-service", "query-service");
            for (String name : names) {
                int port = freePort();
                long began = System.nanoTime();
                Process process = start(name, port, database.url(), secrets);
                started.add(process);
                awaitHealthy(name, process, port);
                startups.add(Duration.ofNanos(System.nanoTime() - began));
            }
            Thread.sleep(idle.toMillis());
            List<Measured> measured = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                measured.add(new Measured(names.get(i), residentKib(started.get(i).pid()), startups.get(i)));
            }
            return measured;
        } finally {
            for (Process process : started.reversed()) {
                process.destroy();
                process.waitFor();
            }
            database.close();
            Cleanup.database(database, false);
        }
    }

    private Process start(String service, int port, String databaseUrl, ServiceUnderTest.Secrets secrets)
            throws IOException {
        Path jar = root.resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -B -DskipTests install)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(),
                "--spring.profiles.active=local",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + BenchDatabase.USER,
                "--crt.security.token-secret=" + secrets.tokenSecret(),
                "--crt.personal-data.master-key=" + secrets.masterKey(),
                "--crt.audit.signing-key-file=" + secrets.signingKeyFile(),
                "--server.port=" + port,
                "--logging.level.root=WARN"));
        Path log = Files.createTempFile("crt-bench-" + service + "-", ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitHealthy(String service, Process process, int port) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        try (HttpClient client = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(service + " stopped with exit status " + process.exitValue());
                }
                try {
                    if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException(service + " did not answer its health check within " + START_LIMIT);
    }

    /** VmRSS of the process, in KiB. */
    static long residentKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").strip());
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    static String describe(Measured measured) {
        return String.format(Locale.ROOT, "%s: %,.0f MiB resident (VmRSS), healthy %.1f s after its start",
                measured.service(), measured.mebibytes(), measured.startup().toMillis() / 1e3);
    }
}
