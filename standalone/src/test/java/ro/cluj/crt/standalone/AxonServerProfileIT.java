package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

/**
 * The "axonserver" profile (what docker-compose.yml's profile of that name turns on) against an address where no
 * Axon Server listens: both services start within a bounded time, route commands through the Axon Server connector
 * while the events stay in PostgreSQL, and say plainly that the server is missing, in health and in the log.
 */
class AxonServerProfileIT {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private static TestDatabase database;
    private static StandaloneTracker tracker;
    private static Path logFile;
    private static int closedPort;

    @BeforeAll
    static void startWithTheProfileAndNoServer() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        database = TestDatabase.create();
        Path data = Files.createTempDirectory("crt-test");
        logFile = data.resolve("tracker.log");
        tracker = assertTimeoutPreemptively(START_LIMIT, () -> StandaloneTracker.start(
                new StandaloneTracker.Settings(data, database.url(), RunningTracker.TOKEN_SECRET, 0, 0),
                "--spring.datasource.username=" + TestDatabase.USER,
                "--crt.personal-data.master-key=" + RunningTracker.MASTER_KEY, "--logging.file.name=" + logFile,
                "--spring.profiles.include=axonserver", "--CRT_AXONSERVER_SERVERS=127.0.0.1:" + closedPort,
                "--axon.axonserver.connect-timeout=1000"),
                "the services did not start within " + START_LIMIT + " with the Axon Server missing");
    }

    @Test
    void bothServicesUseTheConnectorAndKeepTheEventsInPostgresql() {
        for (ApplicationContext service : new ApplicationContext[] {tracker.commandContext(),
            tracker.queryContext()}) {
            assertThat(service.getEnvironment().getActiveProfiles()).contains("axonserver");
            assertThat(service.getBeanNamesForType(AxonServerConnectionManager.class)).isNotEmpty();
            assertThat(service.getBean(EventStore.class)).isNotInstanceOf(AxonServerEventStore.class);
        }
        assertThat(tracker.commandContext().getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(tracker.commandContext().getBean(EventStorageEngine.class))
                .isInstanceOf(JdbcEventStorageEngine.class);
    }

    @Test
    void healthAndLogSayTheServerIsMissing() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            TrackerClient anonymous = TrackerClient.anonymous(tracker.commandPort(), tracker.queryPort());
            TrackerClient admin = anonymous.as("admin");

            TrackerClient.Response summary = anonymous.getFromCommands("/actuator/health");
            TrackerClient.Response details = admin.getFromCommands("/actuator/health");

            assertThat(summary.status()).isEqualTo(503);
            assertThat(summary.json().get("status").asText()).isEqualTo("DOWN");
            JsonNode axonServer = details.json().get("components").get("axonServer");
            assertThat(axonServer.get("status").asText()).as(details.body()).isEqualTo("DOWN");
            assertThat(details.json().get("components").get("db").get("status").asText()).isEqualTo("UP");
            assertThat(Files.readString(logFile)).contains("127.0.0.1:" + closedPort);
        });
    }

    @AfterAll
    static void stop() {
        try {
            if (tracker != null) {
                assertTimeoutPreemptively(Duration.ofSeconds(60), tracker::close, "the services did not stop");
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
