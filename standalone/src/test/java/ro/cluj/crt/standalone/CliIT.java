package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crt.jar}, the command-line tool, run as staff, auditors and admins run it: a separate process against the
 * running tracker. Import a small file, export the chain, verify it offline, download the open data, follow a
 * replay; a wrong token or an address where nothing listens ends with a plain message and exit code.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    private static final Path CRT = Path.of("..", "cli", "target", "crt.jar");
    private static final String INTERVIEWS = "SELECT count(*) FROM event_store.domain_event_entry"
            + " WHERE payload_type LIKE '%InterviewRecorded'";

    @TempDir
    static Path work;

    /** One run of the tool: its exit code, standard output and standard error. */
    record Run(int exit, String out, String err) {
    }

    @Test
    @Order(1)
    void importsAFileAsStaffWithATokenFromTheEnvironment() throws Exception {
        Path file = oxcgrtRows(4);

        Run run = crt(Map.of("CRT_TOKEN", token("staff")), "import", "oxcgrt", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("interviews");
        assertThat(system.count(INTERVIEWS)).isEqualTo(4);
    }

    @Test
    @Order(2)
    void refusesAFileOfAnotherKindThanNamedBeforeSendingAnything() throws Exception {
        long events = system.eventCount();

        Run run = crt(Map.of("CRT_TOKEN", token("staff")), "import", "factsheet", oxcgrtRows(2).toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("holds oxcgrt records, not factsheet-updates; nothing was sent");
        assertThat(system.eventCount()).isEqualTo(events);
    }

    @Test
    @Order(3)
    void exportsTheChainAsAnAuditorLoggedInByPasswordAndItVerifies() throws Exception {
        Path export = work.resolve("export");
        awaitSealed();

        Run exported = crt(Map.of("CRT_PASSWORD", "auditor-local-password"), "export", "--user", "auditor",
                "--out", export.toString(), "--progress", "lines");

        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.out()).startsWith("exported links 1 to ");
        assertThat(exported.err()).contains("export: ", "links", ", done").doesNotContain("\r");
        assertThat(export.resolve("events.ndjson")).isNotEmptyFile();
        assertThat(export.resolve("manifest.json")).isNotEmptyFile();

        Run verified = crt(Map.of(), "verify", export.toString());

        assertThat(verified.exit()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("OK");
    }

    @Test
    @Order(4)
    void verifyReportsATamperedExportAndExitsWithOne() throws Exception {
        Path export = work.resolve("export");
        Path events = export.resolve("events.ndjson");
        String text = Files.readString(events, StandardCharsets.UTF_8);
        Files.writeString(events, text.replaceFirst("\"sequenceNumber\":0", "\"sequenceNumber\":7"),
                StandardCharsets.UTF_8);

        Run run = crt(Map.of(), "verify", export.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("PROBLEMS");
    }

    @Test
    @Order(5)
    void downloadsTheOpenDataWithoutLoginAndChecksIt() throws Exception {
        Path zip = work.resolve("open-data.zip");

        Run run = crt(Map.of(), "open-data", "--out", zip.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("OK: " + zip);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            assertThat(archive.getEntry("datapackage.json")).isNotNull();
            assertThat(new String(archive.getInputStream(archive.getEntry("interviews.csv")).readAllBytes(),
                    StandardCharsets.UTF_8)).startsWith("interview_id,").contains(",oxcgrt,ROU/");
        }
    }

    @Test
    @Order(6)
    void startsAReplayFollowsItAndPrintsItsStatus() throws Exception {
        Map<String, String> admin = Map.of("CRT_TOKEN", token("admin"));

        Run started = crt(admin, "replay", "start", "catalogue", "--watch", "--progress", "lines");

        assertThat(started.exit()).as(started.err()).isZero();
        assertThat(started.out()).startsWith("catalogue: ").contains("caught up");
        Run status = crt(admin, "replay", "status");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).startsWith("catalogue: ").contains(" events");
        Run stopped = crt(admin, "replay", "stop", "catalogue");
        assertThat(stopped.out()).startsWith("catalogue: stopped");
    }

    @Test
    @Order(7)
    void aWrongTokenEndsWithAPlainMessageAndNoStackTrace() throws Exception {
        Run export = crt(Map.of("CRT_TOKEN", "not-a-token"), "export", "--out", work.resolve("x").toString());

        assertThat(export.exit()).isEqualTo(3);
        assertThat(export.err()).startsWith("error: the tracker refused the access token (401)")
                .doesNotContain("Exception", "\tat ");

        Run imported = crt(Map.of("CRT_TOKEN", "not-a-token"), "import", "oxcgrt", oxcgrtRows(1).toString());

        assertThat(imported.exit()).isIn(1, 3);
        assertThat(imported.err()).contains("refused").doesNotContain("Exception", "\tat ");
    }

    @Test
    @Order(8)
    void aStaffTokenCannotRunReplaysAndAWrongPasswordIsRefused() throws Exception {
        Run replay = crt(Map.of("CRT_TOKEN", token("staff")), "replay", "status");
        assertThat(replay.exit()).isEqualTo(3);
        assertThat(replay.err()).startsWith("error: the account lacks the role this needs (403)");

        Run login = crt(Map.of("CRT_PASSWORD", "not-the-password-4711"), "replay", "status", "--user", "admin");
        assertThat(login.exit()).isEqualTo(3);
        assertThat(login.err()).startsWith("error: login refused for admin (401)").doesNotContain("4711");
    }

    private static Path oxcgrtRows(int rows) throws IOException {
        List<String> lines = Files.readAllLines(ImporterRun.DATA.resolve("oxcgrt_responses_romania_2020.csv"),
                StandardCharsets.UTF_8);
        Path file = Files.createTempFile(work, "oxcgrt", ".csv");
        return Files.write(file, lines.subList(0, rows + 1), StandardCharsets.UTF_8);
    }

    private static String token(String account) {
        TrackerClient.Response login = system.client().post("/api/auth/token", TrackerClient.json(Map.of(
                "username", account, "password", account + "-local-password")));
        return login.json().get("accessToken").asText();
    }

    /** The sealer runs beside the writes: wait until every event has its link. */
    private static void awaitSealed() throws InterruptedException {
        for (int i = 0; i < 100 && system.count("SELECT count(*) FROM event_store.event_chain")
                < system.eventCount(); i++) {
            Thread.sleep(100);
        }
    }

    private static Run crt(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ImporterRun.javaBinary(), "-jar", CRT.toString()));
        command.addAll(List.of(arguments));
        if (!List.of(arguments).contains("verify")) {
            command.addAll(List.of("--url", "http://127.0.0.1:" + system.tracker.commandPort(),
                    "--query-url", "http://127.0.0.1:" + system.tracker.queryPort()));
        }
        Path out = Files.createTempFile(work, "crt", ".out");
        Path err = Files.createTempFile(work, "crt", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CRT_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("crt finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
