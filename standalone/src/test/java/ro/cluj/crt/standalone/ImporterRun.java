package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the importer as the separate client program staff run ({@code importer/target/crt-importer.jar}),
 * against the running tracker, as the demo staff and monitor accounts.
 *
 * @param position the event store position the importer reported reaching, -1 when nothing went in
 */
record ImporterRun(int exitCode, String output, long position) {

    static final Path DATA = Path.of("..", "data");
    private static final Path IMPORTER = Path.of("..", "importer", "target", "crt-importer.jar");
    private static final Pattern POSITION = Pattern.compile("minPosition=(\\d+)");

    /** Runs the importer with {@code arguments} (options and files) after the tracker's addresses and accounts. */
    static ImporterRun of(RunningTracker system, String... arguments) throws IOException, InterruptedException {
        Path output = Files.createTempFile("crt-import", ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", IMPORTER.toString(),
                "--url", "http://127.0.0.1:" + system.tracker.commandPort(), "--user", "staff",
                "--password-env", "CRT_IMPORT_PASSWORD",
                "--query-url", "http://127.0.0.1:" + system.tracker.queryPort()));
        command.addAll(List.of(arguments));
        ProcessBuilder importer = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        importer.environment().put("CRT_IMPORT_PASSWORD", "staff-local-password");
        importer.environment().put("CRT_MONITOR_PASSWORD", "monitor-local-password");
        Process process = importer.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the importer finished").isTrue();
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Matcher position = POSITION.matcher(log);
        return new ImporterRun(process.exitValue(), log, position.find() ? Long.parseLong(position.group(1)) : -1);
    }

    /** Runs the importer on files of the project's real data, which must all go in. */
    static ImporterRun realData(RunningTracker system, String... files) throws IOException, InterruptedException {
        ImporterRun run = of(system, java.util.Arrays.stream(files).map(file -> DATA.resolve(file).toString())
                .toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.position()).as(run.output()).isNotNegative();
        return run;
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
