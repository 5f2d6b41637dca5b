package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An auditor, given only an export and the verifier, can confirm the chain and recompute the published numbers: the
 * real data goes in over two editions, the export and its manifest are downloaded over HTTP, and the verifier's jar,
 * run as a separate program as an auditor would, accepts them and recomputes both editions; one flipped byte in a
 * payload makes it fail and name the link.
 */
class ExportIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker("--crt.audit.checkpoint-every-links=100");

    private static final Path VERIFIER = Path.of("..", "verifier", "target", "crt-verifier.jar");

    private final TrackerClient staff = system.client().as("staff");
    private final TrackerClient auditor = system.client().as("auditor");
    private long position;

    @Test
    void theVerifierConfirmsTheExportAndRecomputesBothEditionsAndNamesAFlippedByte() throws Exception {
        position = ImporterRun.realData(system, "oxcgrt_responses_romania_2020.csv").position();
        publish(1, "Week 1: government measures (OxCGRT)");
        position = ImporterRun.realData(system, "eurofound_policywatch_2022-01-31.csv").position();
        publish(2, "Week 2: measures across Europe's Romanian sources (Eurofound)");
        String commitment = followedCommitment();
        awaitAllSealed();

        Path folder = Files.createTempDirectory("crt-export");
        TrackerClient.Response manifestResponse = auditor.get("/api/audit/export/manifest.json");
        assertThat(manifestResponse.status()).as(manifestResponse.body()).isEqualTo(200);
        JsonNode manifest = manifestResponse.json();
        assertThat(manifest.get("links").asLong()).isEqualTo(system.eventCount());
        assertThat(manifest.get("checkpoints")).as("signed every 100 links").isNotEmpty();
        String range = "?fromLink=1&toLink=" + manifest.get("range").get("toLink").asLong();
        TrackerClient.Response events = auditor.get("/api/audit/export/events.ndjson" + range);
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.header("Content-Type")).startsWith("application/x-ndjson");
        Path eventsFile = write(folder.resolve("events.ndjson"), events.body());
        Path manifestFile = write(folder.resolve("manifest.json"), manifestResponse.body());
        List<String> arguments = new ArrayList<>(List.of(eventsFile.toString(), manifestFile.toString()));
        List<JsonNode> editions = new ArrayList<>();
        for (int number = 1; number <= 2; number++) {
            TrackerClient.Response edition = system.client().get("/api/editions/" + number + "?minPosition="
                    + position);
            assertThat(edition.status()).as(edition.body()).isEqualTo(200);
            editions.add(edition.json());
            arguments.addAll(List.of("--edition", write(folder.resolve("edition-" + number + ".json"),
                    edition.body()).toString()));
        }
        TrackerClient.Response timeline = system.client().get("/api/commitments/" + commitment
                + "/timeline?minPosition=" + position);
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        arguments.addAll(List.of("--timeline", write(folder.resolve("timeline.json"), timeline.body()).toString()));

        Run whole = verify(arguments);

        assertThat(whole.exitCode()).as(whole.output()).isZero();
        for (JsonNode edition : editions) {
            JsonNode totals = edition.get("report").get("totals");
            assertThat(whole.output()).contains("edition " + edition.get("number").asInt() + " (position "
                    + edition.get("position").asLong() + ") recomputed: organisations "
                    + totals.get("organisations").asLong() + ", interviews " + totals.get("interviews").asLong()
                    + ", measures " + totals.get("measures").asLong() + ";");
        }
        assertThat(editions.get(1).get("report").get("totals").get("measures").asLong()).isEqualTo(180);
        assertThat(whole.output()).contains("commitment " + commitment
                + " recomputed from 4 events: status fulfilled, latest percentage 60");
        assertThat(whole.output()).contains("checkpoints: " + manifest.get("checkpoints").size() + " of "
                + manifest.get("checkpoints").size() + " verify", "OK:");

        List<String> lines = new ArrayList<>(List.of(events.body().split("\n")));
        int flipped = lines.size() / 2;
        lines.set(flipped, flipPayloadCharacter(lines.get(flipped)));
        write(eventsFile, String.join("\n", lines) + "\n");
        long link = TrackerClient.JSON.readTree(lines.get(flipped)).get("linkNumber").asLong();

        Run tampered = verify(arguments);

        assertThat(tampered.exitCode()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.output()).contains("- link " + link + ": hash-mismatch",
                "manifest: the events file's SHA-256 is");
    }

    @Test
    void theExportIsForAuditorsAndChecksItsRange() {
        assertThat(system.client().get("/api/audit/export/manifest.json").status()).isEqualTo(401);
        assertThat(staff.get("/api/audit/export/events.ndjson").status()).isEqualTo(403);
        JsonNode bad = auditor.get("/api/audit/export/events.ndjson?fromLink=0&toLink=-2").json();
        assertThat(bad.get("errors").findValuesAsText("field")).containsExactly("fromLink", "toLink");
        assertThat(auditor.get("/api/audit/export/manifest.json?fromLink=5&toLink=4").status()).isEqualTo(400);
    }

    /** Changes one base64 character in the middle of the line's payload, so that one payload byte differs. */
    private static String flipPayloadCharacter(String line) {
        int start = line.indexOf("\"payloadBase64\":\"") + "\"payloadBase64\":\"".length();
        int middle = start + (line.indexOf('"', start) - start) / 2;
        char replacement = line.charAt(middle) == 'A' ? 'B' : 'A';
        return line.substring(0, middle) + replacement + line.substring(middle + 1);
    }

    /** A commitment made, progressed twice and fulfilled; answers its id. */
    private String followedCommitment() {
        TrackerClient.Response organisation = staff.post("/api/organisations",
                "{\"name\":\"Banca de Alimente Cluj\",\"sector\":\"civil-society\"}");
        assertThat(organisation.status()).as(organisation.body()).isEqualTo(201);
        TrackerClient.Response made = staff.post("/api/commitments", """
                {"leadOrganisationId":"%s","title":"Food bank in every district",
                 "field":"social-support-and-basic-needs","kind":"scale-service","startDate":"2026-01-01",
                 "targetDate":"2028-12-31"}"""
                .formatted(organisation.json().get("id").asText()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().get("id").asText();
        TrackerClient monitor = system.client().as("monitor");
        for (TrackerClient.Response step : List.of(
                monitor.post("/api/commitments/" + id + "/progress", "{\"status\":\"on-track\",\"percentage\":40}"),
                monitor.post("/api/commitments/" + id + "/progress", "{\"status\":\"on-track\",\"percentage\":60}"),
                staff.post("/api/commitments/" + id + "/fulfilment", "{\"note\":\"done\"}"))) {
            assertThat(step.status()).as(step.body()).isEqualTo(200);
            position = step.json().get("position").asLong();
        }
        return id;
    }

    private void publish(int number, String title) {
        TrackerClient.Response published = staff.post("/api/editions",
                "{\"number\":%d,\"title\":\"%s\"}".formatted(number, title));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        position = published.json().get("position").asLong();
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The verifier's jar as a separate program, as an auditor runs it. */
    private static Run verify(List<String> arguments) throws IOException, InterruptedException {
        Path output = Files.createTempFile("crt-verify", ".log");
        List<String> command = new ArrayList<>(List.of(ImporterRun.javaBinary(), "-jar", VERIFIER.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the verifier finished").isTrue();
        Run run = new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        Files.delete(output);
        return run;
    }

    private record Run(int exitCode, String output) {
    }

    private static void awaitAllSealed() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String unsealed = "SELECT count(*) FROM event_store.domain_event_entry e WHERE NOT EXISTS "
                + "(SELECT 1 FROM event_store.event_chain c WHERE c.global_index = e.global_index)";
        while (system.count(unsealed) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(system.count(unsealed)).as("events without a link").isZero();
    }
}
