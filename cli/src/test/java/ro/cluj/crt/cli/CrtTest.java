package ro.cluj.crt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line as picocli reads it: help, usage errors, credentials, exit codes. Nothing here needs a tracker. */
class CrtTest {

    /** One run: exit code and what it printed. */
    record Run(int exit, String out, String err) {
    }

    static Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Crt.commandLine(environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    /** An address where nothing listens: a port bound a moment ago and released. */
    static String nowhere() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "import", "export", "verify", "replay", "replay status", "replay start",
        "replay stop", "replay resume", "open-data"})
    void everyCommandHasHelp(String command) {
        List<String> args = new java.util.ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");

        Run run = run(args.toArray(String[]::new));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: crt" + (command.isEmpty() ? "" : " " + command));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theTopLevelHelpListsTheExitCodes() {
        assertThat(run("--help").out()).contains("Exit codes:", "0   done", "1   problems", "2   usage",
                "3   the tracker could not be reached");
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = run();

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("name a command");
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        assertThat(run("bogus").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run("export", "--out", "x", "--bogus").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run("export", "--out", "x", "--bogus").err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void exportNeedsAnOutputDirectory() {
        Run run = run("export", "--token", "t");

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Missing required option: '--out=DIR'");
    }

    @Test
    void aBadLinkRangeIsAUsageError() {
        Run run = run("export", "--token", "t", "--out", "x", "--from-link", "5", "--to-link", "4");

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--to-link not below it");
    }

    @Test
    void aCommandNeedingAnAccountSaysHowToLogIn() {
        Run run = run("replay", "status");

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("not logged in: give --token or set CRT_TOKEN");
    }

    @Test
    void aUserWithoutPasswordIsAUsageError() {
        Run run = run("replay", "status", "--user", "admin");

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("no password for admin");
    }

    @Test
    void anUnreachableTrackerExitsWithThreeAndNoStackTrace() throws IOException {
        String nowhere = nowhere();

        Run run = run(Map.of("CRT_TOKEN", "from-the-environment"), "replay", "status", "--query-url", nowhere);

        assertThat(run.exit()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.err()).startsWith("error: cannot reach the tracker at " + nowhere)
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void aLoginToAnUnreachableTrackerExitsWithThree() throws IOException {
        Run run = run(Map.of("CRT_PASSWORD", "secret"), "export", "--out", "x", "--user", "auditor", "--url",
                nowhere());

        assertThat(run.exit()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.err()).doesNotContain("secret");
    }

    @Test
    void anAddressThatIsNotHttpIsAUsageError() {
        Run run = run("open-data", "--out", "x.zip", "--query-url", "ftp://example.org/");

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("not an http or https address");
    }

    @Nested
    class Import {

        @Test
        void anUnknownKindIsAUsageError() {
            Run run = run("import", "census", "file.csv");

            assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("factsheet, oxcgrt, eurofound, decidim");
        }

        @Test
        void aMissingFileIsAUsageErrorBeforeAnyLogin() {
            Run run = run(Map.of("CRT_TOKEN", "t"), "import", "oxcgrt", "no-such-file.csv");

            assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("no such file: no-such-file.csv");
        }

        @Test
        void decidimResultsNeedTheirOrganisation(@TempDir Path directory) throws IOException {
            Path file = Files.writeString(directory.resolve("results.csv"), "id;title/en\n");

            Run run = run(Map.of("CRT_TOKEN", "t"), "import", "decidim", file.toString());

            assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("--decidim-organisation");
        }

        @Test
        void theImportersCommandLineNamesTheKindAndCarriesNoSecret() {
            CommandLine line = Crt.commandLine(Map.of(), System.out, System.err);
            CommandLine.ParseResult parsed = line.parseArgs("import", "factsheet", "a.csv", "b.csv", "--token",
                    "secret-token", "--url", "http://127.0.0.1:9", "--query-url", "http://127.0.0.1:10");
            ImportCommand command = parsed.subcommand().commandSpec().commandLine().getCommand();
            command.root = line.getCommand();

            List<String> arguments = command.arguments(Tracker.of(command.connection, Map.of()));

            assertThat(arguments).containsSubsequence("--url", "http://127.0.0.1:9/")
                    .containsSubsequence("--query-url", "http://127.0.0.1:10/")
                    .containsSubsequence("--expect", "factsheet-updates")
                    .containsSubsequence("--token-env", "CRT_CLI_TOKEN")
                    .endsWith("a.csv", "b.csv")
                    .doesNotContain("secret-token");
        }
    }

    @Test
    void verifyNeedsADirectoryWithAnExport(@TempDir Path directory) {
        Run run = run("verify", directory.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("holds no events.ndjson");
    }

    @Test
    void theProgressOptionIsTakenAfterTheCommandToo() {
        CommandLine line = Crt.commandLine(Map.of(), System.out, System.err);

        line.parseArgs("open-data", "--out", "x.zip", "--progress", "none");

        Crt root = line.getCommand();
        assertThat(root.progressStyle()).isEqualTo(Progress.Style.NONE);
    }
}
