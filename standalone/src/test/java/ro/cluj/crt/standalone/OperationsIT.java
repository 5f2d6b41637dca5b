package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What operators see: the public health summary, the components behind it for admins, Axon's and the processors'
 * metrics in the Prometheus scrape, and who may read them.
 */
class OperationsIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    @Test
    void theHealthSummaryIsPublicAndSaysOnlyTheStatus() {
        for (Function<String, TrackerClient.Response> get : getters(system.client())) {
            TrackerClient.Response health = get.apply("/actuator/health");

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            assertThat(health.json().has("components")).as(health.body()).isFalse();
            assertThat(get.apply("/actuator/health/liveness").json().get("status").asText()).isEqualTo("UP");
            assertThat(get.apply("/actuator/health/readiness").json().get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void adminsSeeTheDatabaseAndEveryEventProcessor() {
        TrackerClient admin = system.client().as("admin");

        JsonNode queries = admin.get("/actuator/health").json().get("components");
        JsonNode commands = admin.getFromCommands("/actuator/health").json().get("components");

        assertThat(queries.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(commands.get("db").get("status").asText()).isEqualTo("UP");
        JsonNode processors = queries.get("eventProcessors");
        assertThat(processors.get("status").asText()).isEqualTo("UP");
        for (String group : new String[] {"catalogue", "commitments", "process", "recommendations"}) {
            JsonNode processor = processors.get("details").get("processors").get(group);
            assertThat(processor.get("running").asBoolean()).as(group).isTrue();
            assertThat(processor.get("error").asBoolean()).as(group).isFalse();
            assertThat(processor.get("claimedSegments").asInt()).as(group).isPositive();
        }
        assertThat(commands.get("eventProcessors").get("details").get("processors")
                .get("personal-data-erasure").get("running").asBoolean()).isTrue();
    }

    @Test
    void metricsAndHealthDetailsNeedAnAdmin() {
        TrackerClient staff = system.client().as("staff");

        for (Function<String, TrackerClient.Response> get : getters(system.client())) {
            assertThat(get.apply("/actuator/prometheus").status()).isEqualTo(401);
            assertThat(get.apply("/actuator/health/db").status()).isEqualTo(401);
        }
        for (Function<String, TrackerClient.Response> get : getters(staff)) {
            assertThat(get.apply("/actuator/prometheus").status()).isEqualTo(403);
            assertThat(get.apply("/actuator/metrics").status()).isEqualTo(403);
            assertThat(get.apply("/actuator/health").json().has("components")).isFalse();
        }
    }

    @Test
    void aWriteShowsInAxonsCommandMetricsAndInTheProcessorsPositions() {
        TrackerClient staff = system.client().as("staff");
        TrackerClient admin = system.client().as("admin");
        TrackerClient.Response registered = staff.post("/api/organisations", TrackerClient.json(Map.of(
                "name", "Asociația Metrici", "sector", "civil-society",
                "fields", new String[] {"social-support-and-basic-needs"}, "locality", "Cluj-Napoca")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long position = registered.json().get("position").asLong();
        assertThat(staff.get("/api/organisations/" + registered.json().get("id").asText() + "?minPosition="
                + position).status()).isEqualTo(200);

        String commands = admin.getFromCommands("/actuator/prometheus").body();
        assertThat(commands).containsPattern(
                "commandBus_successCounter_total\\{[^}]*payloadType=\"RegisterOrganisation\"[^}]*} [1-9]");

        String queries = awaitScrape(admin, "crt_processor_position\\{[^}]*processorName=\"catalogue\"[^}]*} ",
                position);
        assertThat(queries).containsPattern("eventProcessor_latency[a-z_]*\\{[^}]*processorName=\"catalogue\"");
        assertThat(queries).containsPattern("crt_processor_behind\\{[^}]*processorName=\"catalogue\"[^}]*} 0\\.0");
        assertThat(queries)
                .containsPattern("crt_processor_failing_segments\\{[^}]*processorName=\"catalogue\"[^}]*} 0");
        assertThat(queries)
                .containsPattern("crt_processor_dead_letters\\{[^}]*processorName=\"catalogue\"[^}]*} 0\\.0");
        assertThat(queries).containsPattern("(?m)^crt_event_store_head\\{[^}]*} " + position + "\\.0$");
    }

    /** Scrapes the query service until the gauge matched by {@code gauge} reaches {@code least}, for 10 s at most. */
    private static String awaitScrape(TrackerClient admin, String gauge, long least) {
        Pattern value = Pattern.compile(gauge + "([0-9.E]+)");
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            String scrape = admin.get("/actuator/prometheus").body();
            Matcher matcher = value.matcher(scrape);
            if (matcher.find() && Double.parseDouble(matcher.group(1)) >= least || Instant.now().isAfter(until)) {
                assertThat(scrape).containsPattern(gauge + "[0-9.E]+");
                assertThat(matcher.find(0) ? Double.parseDouble(matcher.group(1)) : -1).isGreaterThanOrEqualTo(least);
                return scrape;
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Function<String, TrackerClient.Response>[] getters(TrackerClient client) {
        return new Function[] {(Function<String, TrackerClient.Response>) client::get,
            (Function<String, TrackerClient.Response>) client::getFromCommands};
    }
}
