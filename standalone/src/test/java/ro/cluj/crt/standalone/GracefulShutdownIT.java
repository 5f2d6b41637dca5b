package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stopping the services lets a request in flight finish with its answer instead of cutting the connection. */
class GracefulShutdownIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker("--crt.query.max-wait=4s");

    @Test
    void aRequestInFlightGetsItsAnswerWhileTheServicesStop() throws Exception {
        TrackerClient client = system.client();
        // waits for a position the store will not reach, so it is still running when the stop begins
        CompletableFuture<TrackerClient.Response> inFlight =
                CompletableFuture.supplyAsync(() -> client.get("/api/report?minPosition=1000000"));
        Thread.sleep(1000);
        assertThat(inFlight).isNotDone();

        Instant stopping = Instant.now();
        system.tracker.close();
        Duration stop = Duration.between(stopping, Instant.now());

        TrackerClient.Response answer = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/projection-behind");
        assertThat(stop).as("the stop waited for the request").isGreaterThan(Duration.ofSeconds(2));
        system.tracker = null;
    }
}
