package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The importer, run as the separate client program a staff member runs, loads both real data files through the
 * staff API; the report then answers from the projected events with the numbers of the files (SOURCES.md: 180
 * measures from 127 organisations). A second run changes nothing.
 */
class ImportIT {

    private static final Path IMPORTER = Path.of("..", "importer", "target", "crt-importer.jar");
    private static final Path DATA = Path.of("..", "data");
    private static final Pattern POSITION = Pattern.compile("minPosition=(\\d+)");

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    @Test
    void importsBothFilesOnceAndTheReportCountsThem() throws Exception {
        Run first = runImporter();
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

        Run second = runImporter();
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

    private static Run runImporter() throws IOException, InterruptedException {
        Path output = Files.createTempFile("crt-import", ".log");
        ProcessBuilder importer = new ProcessBuilder(List.of(javaBinary(), "-jar", IMPORTER.toString(),
                "--url", "http://127.0.0.1:" + system.tracker.commandPort(), "--user", "staff",
                "--password-env", "CRT_IMPORT_PASSWORD",
                DATA.resolve("oxcgrt_responses_romania_2020.csv").toString(),
                DATA.resolve("eurofound_policywatch_2022-01-31.csv").toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        importer.environment().put("CRT_IMPORT_PASSWORD", "staff-local-password");
        Process process = importer.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the importer finished").isTrue();
        String log = Files.readString(output);
        Matcher position = POSITION.matcher(log);
        assertThat(position.find()).as(log).isTrue();
        return new Run(process.exitValue(), log, Long.parseLong(position.group(1)));
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Run(int exitCode, String output, long position) {
    }
}
