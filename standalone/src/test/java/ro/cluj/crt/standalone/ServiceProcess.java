package ro.cluj.crt.standalone;

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
import java.util.concurrent.TimeUnit;

/**
 * One of the services as its own operating-system process, started from its executable jar (built by the reactor
 * before this module, which depends on both services), so that a test can kill it as a crash would: SIGKILL, with no
 * shutdown hook, no released claim and no finished request. Its output goes to a log file under
 * {@code target/service-logs}, kept as a test artifact.
 */
final class ServiceProcess implements AutoCloseable {

    enum Service {
        COMMAND("command-service"), QUERY("query-service");

        private final String module;

        Service(String module) {
            this.module = module;
        }

        Path jar() {
            return Path.of("..", module, "target", module + "-0.1.0-SNAPSHOT-exec.jar");
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration STARTUP = Duration.ofSeconds(240);

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code service} on {@code database} and waits until it answers its health check.
     *
     * @param name     names the log file ({@code target/service-logs/<name>.log}); unique within the test run
     * @param port     the port to listen on (the same port again for a restarted service, so that clients go on)
     * @param settings command line settings beside the database, secrets and port
     */
    static ServiceProcess start(Service service, String name, TestDatabase database, int port, String... settings) {
        Path log = Path.of("target", "service-logs", name + ".log");
        // a small heap and the quick compiler only: tests start several services on a machine of two cores
        List<String> command = new ArrayList<>(List.of(ImporterRun.javaBinary(), "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", service.jar().toString(), "--server.port=" + port));
        if (service == Service.COMMAND) {
            command.add("--spring.profiles.active=local");
        }
        command.addAll(List.of(settings));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CRT_DATABASE_URL", database.url());
        builder.environment().put("CRT_DATABASE_USER", TestDatabase.USER);
        builder.environment().put("CRT_TOKEN_SECRET", RunningTracker.TOKEN_SECRET);
        builder.environment().put("CRT_MASTER_KEY", RunningTracker.MASTER_KEY);
        builder.environment().put("CRT_LOG_FORMAT", "");
        // small pools, opened as needed: a test runs up to four services, and the shared PostgreSQL allows 100
        // connections in all
        builder.environment().put("CRT_COMMAND_POOL_SIZE", "6");
        builder.environment().put("CRT_QUERY_POOL_SIZE", "8");
        builder.environment().put("SPRING_DATASOURCE_HIKARI_MINIMUMIDLE", "1");
        try {
            Files.createDirectories(log.getParent());
            ServiceProcess started = new ServiceProcess(name, port, log, builder.start());
            started.awaitHealthy();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port free at the moment of asking, for a service to take. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** As a crash: SIGKILL on Linux, then waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** As an orderly shutdown: SIGTERM, so that the service finishes its work and releases what it holds. */
    void stop() {
        process.destroy();
        awaitExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not exit; see " + log.toAbsolutePath());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                        + log.toAbsolutePath());
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        close();
        throw new IllegalStateException(name + " did not start within " + STARTUP + "; see " + log.toAbsolutePath());
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
