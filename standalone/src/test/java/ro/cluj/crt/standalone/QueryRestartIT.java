package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ro.cluj.crt.command.CommandServiceApplication;

/**
 * The query service as its own process: it starts before the event store exists, follows it once the command service
 * creates it, and after being killed a new process resumes from its tokens with no missed and no doubled effect.
 */
class QueryRestartIT {

    private static final Path QUERY_SERVICE = Path.of("..", "query-service", "target",
            "query-service-0.1.0-SNAPSHOT-exec.jar");

    private static TestDatabase database;
    private static ConfigurableApplicationContext commandService;
    private static int queryPort;

    @BeforeAll
    static void createDatabase() throws IOException {
        database = TestDatabase.create();
        try (ServerSocket socket = new ServerSocket(0)) {
            queryPort = socket.getLocalPort();
        }
    }

    @AfterAll
    static void stop() {
        if (commandService != null) {
            commandService.close();
        }
        database.close();
    }

    @Test
    void aNewProcessResumesFromItsTokens() throws Exception {
        Process first = startQueryService();
        commandService = new SpringApplicationBuilder(CommandServiceApplication.class).run(
                "--spring.config.name=command-service", "--spring.profiles.active=local", "--server.port=0",
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + TestDatabase.USER,
                "--crt.security.token-secret=" + RunningTracker.TOKEN_SECRET,
                "--crt.personal-data.master-key=" + RunningTracker.MASTER_KEY, "--logging.level.root=WARN");
        int commandPort = Integer.parseInt(commandService.getEnvironment().getRequiredProperty("local.server.port"));
        TrackerClient client = TrackerClient.anonymous(commandPort, queryPort);
        TrackerClient staff = client.as("staff");
        TrackerClient auditor = client.as("auditor");

        long before = History.record(staff);
        awaitStarted(auditor);
        String reportBefore = auditor.get("/api/report?minPosition=" + before).body();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        long after = History.record(staff);
        Process second = startQueryService();
        try {
            awaitStarted(auditor);
            TrackerClient.Response report = readWhenCaughtUp(auditor, "/api/report?minPosition=" + after);
            assertThat(report.status()).isEqualTo(200);
            assertThat(report.body()).isNotEqualTo(reportBefore);
            assertThat(report.json().get("totals").get("measures").asLong())
                    .isEqualTo(2 * History.COUNTED_MEASURES);
            assertThat(count("SELECT count(*) FROM crt_query.measure")).isEqualTo(2 * History.COUNTED_MEASURES);
            assertThat(count("SELECT count(*) FROM crt_query.interview")).isEqualTo(2 * 4);
            assertThat(count("SELECT count(*) FROM crt_query.interview WHERE status = 'retracted'")).isEqualTo(2);
            assertThat(count("SELECT count(*) FROM crt_query.organisation")).isEqualTo(2 * 3);
            assertThat(count("SELECT count(*) FROM crt_query.interview WHERE version = 1")).isEqualTo(2 * 2);
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process startQueryService() throws IOException {
        Path log = Files.createTempFile("crt-query-service", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(ImporterRun.javaBinary(), "-jar", QUERY_SERVICE.toString(),
                "--server.port=" + queryPort))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CRT_DATABASE_URL", database.url());
        builder.environment().put("CRT_DATABASE_USER", TestDatabase.USER);
        builder.environment().put("CRT_TOKEN_SECRET", RunningTracker.TOKEN_SECRET);
        builder.environment().put("CRT_MASTER_KEY", RunningTracker.MASTER_KEY);
        return builder.start();
    }

    private static void awaitStarted(TrackerClient client) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (client.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the query service did not start within 90 s");
    }

    /**
     * Reads, retrying while the view answers 503 as a client should: the killed process still holds its segment
     * claims until they time out (10 s), so the new one takes over only then.
     */
    private static TrackerClient.Response readWhenCaughtUp(TrackerClient client, String path)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        TrackerClient.Response response = client.get(path);
        while (response.status() == 503 && Instant.now().isBefore(deadline)) {
            Thread.sleep(Long.parseLong(response.header("Retry-After")) * 1000);
            response = client.get(path);
        }
        return response;
    }

    private static long count(String sql) throws Exception {
        try (var connection = database.connect(); var statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
