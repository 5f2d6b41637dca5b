package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The importer, run as a separate client program, loads the Eurofound factsheet updates as monitored measures: one
 * commitment per measure (made as staff), one progress report per dated update (made as a monitor). A commitment's
 * timeline shows its updates on their dates, and a second run adds no events.
 */
class FactsheetImportIT {

    private static final Path FILE = Path.of("..", "data",
            "eurofound_policywatch_romania_factsheet_updates_2024-10.csv");
    /** RO-2020-12/373, "Temporary, 15 March 2020 – 31 December 2022", with five dated updates. */
    private static final String COMMITMENT = "ef-RO-2020-12-373";
    private static final List<String> UPDATES = List.of("2020-12-04", "2021-06-03", "2021-10-02", "2022-01-19",
            "2022-04-07");

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    @Test
    void importsTheMeasuresOnceWithTheirUpdatesAsProgressReports() throws Exception {
        ImporterRun first = runImporter();
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("commitments submitted:   83", "progress reports:        43");

        JsonNode timeline = system.client().get("/api/commitments/" + COMMITMENT + "/timeline?minPosition="
                + first.position()).json();
        List<String> reported = new ArrayList<>();
        for (JsonNode entry : timeline.get("entries")) {
            if ("ProgressReported".equals(entry.get("type").asText())) {
                reported.add(entry.get("occurredOn").asText());
                assertThat(entry.get("content").get("status").asText()).isEqualTo("on-track");
                assertThat(entry.get("content").get("note").asText()).isNotBlank();
            }
        }
        assertThat(reported).containsExactlyInAnyOrderElementsOf(UPDATES);
        JsonNode made = timeline.get("entries").get(0);
        assertThat(made.get("type").asText()).isEqualTo("CommitmentMade");
        assertThat(made.get("content").get("startDate").asText()).isEqualTo("2020-03-15");
        assertThat(made.get("content").get("targetDate").asText()).isEqualTo("2022-12-31");
        assertThat(made.get("content").toString()).doesNotContain("Voicu", "Stoiciu", "Ghita", "Dimitriu");

        // target dates in the past are recorded as missed by the tracker itself, a moment after the commitment
        long events = settledEventCount();
        ImporterRun second = runImporter();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("commitments submitted:   0", "progress reports:        0");
        assertThat(settledEventCount()).isEqualTo(events);
    }

    /** The event count once it has not changed for two seconds. */
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

    private static ImporterRun runImporter() throws IOException, InterruptedException {
        return ImporterRun.of(system, FILE.toString());
    }
}
