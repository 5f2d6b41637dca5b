package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The importer, run as a separate client program, loads Decidim accountability results as commitments of the
 * organisation named on the command line: bad rows are reported by line while the others go in, a second import adds
 * no events, a changed title and progress add exactly one revision and one progress report, and the tracker's own
 * Decidim export imports back without a single new event.
 */
class DecidimImportIT {

    private static final Path FIXTURE = Path.of("..", "importer", "src", "test", "resources", "decidim",
            "results-0.28.csv");
    private static final String CITY = "Primăria Municipiului Cluj-Napoca";

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    @Test
    void resultsGoInOnceAreUpdatedByIdAndTheTrackersExportRoundTrips() throws Exception {
        ImporterRun first = runImporter(FIXTURE);
        assertThat(first.exitCode()).as(first.output()).isEqualTo(2);
        assertThat(first.output()).contains("commitments submitted:   4", "progress reports:        4",
                "fulfilled or abandoned:  2", "bad records:             2",
                "record 3 (line 6): column 'start_date': '2021-02-30' is not a date (yyyy-mm-dd)",
                "record 4 (line 7): column 'progress': 150 is not between 0 and 100");
        theResultsAreCommitments(first.position());

        long events = settledEventCount();
        ImporterRun second = runImporter(FIXTURE);
        assertThat(second.exitCode()).as(second.output()).isEqualTo(2);
        assertThat(second.output()).contains("commitments submitted:   0", "commitment revisions:    0",
                "progress reports:        0", "fulfilled or abandoned:  0", "highest position:        none");
        assertThat(settledEventCount()).isEqualTo(events);

        Path changed = Files.createTempFile("crt-decidim-changed", ".csv");
        String fixture = Files.readString(FIXTURE, StandardCharsets.UTF_8);
        Files.writeString(changed, fixture
                .replace(";Vaccination centre in Mănăștur;", ";Vaccination centre in Mănăștur and Zorilor;")
                .replace(";60.0;2022-05-02", ";75.0;2022-05-02"), StandardCharsets.UTF_8);
        ImporterRun third = runImporter(changed);
        assertThat(third.exitCode()).as(third.output()).isEqualTo(2);
        assertThat(third.output()).contains("commitments submitted:   0", "commitment revisions:    1",
                "progress reports:        1", "fulfilled or abandoned:  0");
        assertThat(settledEventCount()).isEqualTo(events + 2);
        assertThat(madeCount()).isEqualTo(4);
        JsonNode renamed = lastEntry("decidim-101", third.position());
        assertThat(renamed.get("type").asText()).isEqualTo("CommitmentRevised");
        assertThat(renamed.get("reason").asText()).isEqualTo("updated from Decidim results import");
        assertThat(state("decidim-101", third.position()).get("title").asText())
                .isEqualTo("Vaccination centre in Mănăștur and Zorilor");
        JsonNode reported = lastEntry("cluj-summer-concerts", third.position());
        assertThat(reported.get("type").asText()).isEqualTo("ProgressReported");
        assertThat(reported.get("actorRole").asText()).isEqualTo("monitor");
        assertThat(reported.get("content").get("percentage").asInt()).isEqualTo(75);

        events = settledEventCount();
        TrackerClient.Response export = system.client().get("/api/dashboard/commitments.decidim.csv?minPosition="
                + third.position());
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.body()).contains("decidim-101;", "cluj-summer-concerts;");
        Path exported = Files.createTempFile("crt-decidim-export", ".csv");
        Files.writeString(exported, export.body(), StandardCharsets.UTF_8);
        ImporterRun roundTrip = runImporter(exported);
        assertThat(roundTrip.exitCode()).as(roundTrip.output()).isZero();
        assertThat(roundTrip.output()).contains("decidim-results, 4 records, 4 results to send",
                "commitments submitted:   0", "commitment revisions:    0", "progress reports:        0",
                "fulfilled or abandoned:  0", "bad records:             0");
        assertThat(settledEventCount()).isEqualTo(events);
    }

    private static void theResultsAreCommitments(long position) {
        JsonNode vaccination = state("decidim-101", position);
        assertThat(vaccination.get("title").asText()).isEqualTo("Vaccination centre in Mănăștur");
        assertThat(vaccination.get("description").asText())
                .isEqualTo("Opened with the county hospital; staffed by volunteers.\nOpen on weekends too.");
        assertThat(vaccination.get("startDate").asText()).isEqualTo("2021-02-01");
        assertThat(vaccination.get("targetDate").asText()).isEqualTo("2021-12-31");
        assertThat(vaccination.get("field").asText()).isEqualTo("health");
        assertThat(vaccination.get("kind").asText()).isEqualTo("improve-measure");
        assertThat(vaccination.get("status").asText()).isEqualTo("open");
        assertThat(vaccination.get("latestProgress").get("percentage").asInt()).isEqualTo(25);

        JsonNode parcels = state("decidim-102", position);
        assertThat(parcels.get("title").asText()).isEqualTo("Pachete alimentare pentru vârstnici izolați");
        assertThat(parcels.get("field").asText()).isEqualTo("social-support-and-basic-needs");
        assertThat(parcels.get("status").asText()).isEqualTo("fulfilled");
        assertThat(parcels.get("latestProgress").get("percentage").asInt()).isEqualTo(100);

        JsonNode garden = state("decidim-105", position);
        assertThat(garden.get("field").asText()).isEqualTo("other");
        assertThat(garden.get("status").asText()).isEqualTo("abandoned");
        assertThat(garden.get("latestProgress").get("percentage").asInt()).isEqualTo(40);

        JsonNode concerts = state("cluj-summer-concerts", position);
        assertThat(concerts.get("field").asText()).isEqualTo("culture");
        assertThat(concerts.get("startDate").asText()).isEqualTo("2022-06-01");
        assertThat(concerts.get("latestProgress").get("percentage").asInt()).isEqualTo(60);
        assertThat(concerts.get("leadOrganisationId").asText()).isEqualTo(vaccination.get("leadOrganisationId")
                .asText());
        // an organisation without published interviews is shown to staff only
        JsonNode lead = system.client().as("staff").get("/api/organisations/"
                + concerts.get("leadOrganisationId").asText() + "?minPosition=" + position).json();
        assertThat(lead.toString()).contains(CITY);

        assertThat(system.client().get("/api/commitments/decidim-103").status()).isEqualTo(404);
        assertThat(system.client().get("/api/commitments/decidim-104").status()).isEqualTo(404);
    }

    private static JsonNode state(String commitmentId, long position) {
        TrackerClient.Response response = system.client().get("/api/commitments/" + commitmentId + "?minPosition="
                + position);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode lastEntry(String commitmentId, long position) {
        JsonNode entries = system.client().get("/api/commitments/" + commitmentId + "/timeline?minPosition="
                + position).json().get("entries");
        List<JsonNode> all = new ArrayList<>();
        entries.forEach(all::add);
        return all.stream().filter(entry -> !entry.get("type").asText().endsWith("Missed")).reduce((a, b) -> b)
                .orElseThrow();
    }

    private static long madeCount() {
        return system.count("SELECT count(*) FROM event_store.domain_event_entry"
                + " WHERE payload_type LIKE '%CommitmentMade'");
    }

    /** The event count once it has not changed for two seconds (the tracker records missed dates itself). */
    private static long settledEventCount() throws InterruptedException {
        long count = system.eventCount();
        for (int stable = 0; stable < 4; ) {
            Thread.sleep(500);
            long now = system.eventCount();
            stable = now == count ? stable + 1 : 0;
            count = now;
        }
        return count;
    }

    private static ImporterRun runImporter(Path file) throws IOException, InterruptedException {
        return ImporterRun.of(system, "--decidim-organisation", CITY, file.toString());
    }
}
