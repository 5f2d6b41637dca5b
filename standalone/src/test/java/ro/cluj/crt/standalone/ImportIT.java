package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The importer, run as the separate client program a staff member runs, loads both real data files through the
 * staff API; the report then answers from the projected events with the numbers of the files (SOURCES.md: 180
 * measures from 127 organisations). A second run changes nothing.
 */
class ImportIT {


    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    @Test
    void importsBothFilesOnceAndTheReportCountsThem() throws Exception {
        ImporterRun first = runImporter();
        assertThat(first.exitCode()).as(first.output()).isZero();
        long events = system.eventCount();
        assertThat(events).isEqualTo(127 + 180);

        JsonNode report = system.client().as("auditor")
                .get("/api/report?minPosition=" + first.position()).json();
        assertThat(report.get("totals").get("organisations").asLong()).isEqualTo(127);
        assertThat(report.get("totals").get("interviews").asLong()).isEqualTo(180);
        assertThat(report.get("totals").get("measures").asLong()).isEqualTo(180);
        assertThat(sum(report.get("byField"), "measures")).isEqualTo(180);
        assertThat(sum(report.get("bySector"), "organisations")).isEqualTo(127);
        assertThat(report.get("attributions")).hasSize(2);
        JsonNode publicReport = system.client().get("/api/report?minPosition=" + first.position()).json();
        assertThat(publicReport.get("totals").get("measures").asLong()).isEqualTo(180);

        ImporterRun second = runImporter();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(system.eventCount()).isEqualTo(events);
        assertThat(second.position()).isEqualTo(first.position());
    }

    private static long sum(JsonNode rows, String field) {
        long total = 0;
        for (JsonNode row : rows) {
            total += row.get(field).asLong();
        }
        return total;
    }

    private static ImporterRun runImporter() throws IOException, InterruptedException {
        return ImporterRun.realData(system, "oxcgrt_responses_romania_2020.csv",
                "eurofound_policywatch_2022-01-31.csv");
    }
}
