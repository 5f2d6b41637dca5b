package ro.cluj.crt.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import ro.cluj.crt.importer.Importer;

/** Runs the importer (as a library) on data files of one kind, with this tool's login. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports data files through the staff API, as the importer does: OxCGRT or Eurofound "
                + "PolicyWatch rows become organisations and interviews, Eurofound factsheet updates commitments "
                + "with progress reports, Decidim accountability results commitments updated by id. Running it "
                + "again changes nothing. A file of another kind than named is refused before anything is sent.",
            "Progress reports are made as a monitor: --monitor-token (or CRT_MONITOR_TOKEN), else --monitor-user "
                + "with CRT_MONITOR_PASSWORD, else the same token, whose account then needs the monitor role."})
final class ImportCommand implements Callable<Integer> {

    private static final String TOKEN_VARIABLE = "CRT_CLI_TOKEN";
    private static final String MONITOR_TOKEN_VARIABLE = "CRT_CLI_MONITOR_TOKEN";

    /** The kinds of file, by the importer's label of their data set. */
    enum Kind {
        factsheet("factsheet-updates"),
        oxcgrt("oxcgrt"),
        eurofound("eurofound"),
        decidim("decidim-results");

        final String dataSet;

        Kind(String dataSet) {
            this.dataSet = dataSet;
        }
    }

    @ParentCommand
    Crt root;

    @Mixin
    Connection connection;

    @Parameters(index = "0", paramLabel = "KIND", description = "what the files hold: ${COMPLETION-CANDIDATES}")
    Kind kind;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "CSV files of that kind")
    List<Path> files;

    @Option(names = "--monitor-token", paramLabel = "TOKEN",
            description = "a monitor's access token for progress reports (else CRT_MONITOR_TOKEN)")
    String monitorToken;

    @Option(names = "--monitor-user", paramLabel = "NAME",
            description = "log in as this monitor for progress reports; password from CRT_MONITOR_PASSWORD")
    String monitorUser;

    @Option(names = "--decidim-organisation", paramLabel = "NAME",
            description = "decidim: whose results these are (required for decidim)")
    String decidimOrganisation;

    @Option(names = "--decidim-locale", paramLabel = "CODE", description = "decidim: the language to take; en "
            + "unless given")
    String decidimLocale;

    @Option(names = "--decidim-kind", paramLabel = "KIND", description = "decidim: the kind of new commitments; "
            + "improve-measure unless given")
    String decidimKind;

    @Override
    public Integer call() {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new Tracker.UsageError("no such file: " + file);
            }
        }
        if (kind == Kind.decidim && decidimOrganisation == null) {
            throw new Tracker.UsageError("decidim results name no organisation: give --decidim-organisation");
        }
        Tracker tracker = root.tracker(connection);
        tracker.checkReachable();
        String token = tracker.token();
        String monitor = monitorToken(tracker, token);
        int exit = Importer.run(Map.of(TOKEN_VARIABLE, token, MONITOR_TOKEN_VARIABLE, monitor), root.out, root.err,
                arguments(tracker).toArray(String[]::new));
        return exit == 0 ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    /** The importer's command line: no secret in it, the tokens go through its environment. */
    List<String> arguments(Tracker tracker) {
        List<String> arguments = new ArrayList<>(List.of("--url", tracker.commandBase().toString(),
                "--query-url", tracker.queryBase().toString(), "--token-env", TOKEN_VARIABLE,
                "--monitor-token-env", MONITOR_TOKEN_VARIABLE, "--expect", kind.dataSet));
        if (decidimOrganisation != null) {
            arguments.addAll(List.of("--decidim-organisation", decidimOrganisation));
        }
        if (decidimLocale != null) {
            arguments.addAll(List.of("--decidim-locale", decidimLocale));
        }
        if (decidimKind != null) {
            arguments.addAll(List.of("--decidim-kind", decidimKind));
        }
        files.forEach(file -> arguments.add(file.toString()));
        return arguments;
    }

    private String monitorToken(Tracker tracker, String staffToken) {
        String given = monitorToken != null ? monitorToken : root.environment.get("CRT_MONITOR_TOKEN");
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        if (monitorUser != null) {
            String password = root.environment.get("CRT_MONITOR_PASSWORD");
            if (password == null || password.isEmpty()) {
                throw new Tracker.UsageError("no password for " + monitorUser + ": set CRT_MONITOR_PASSWORD");
            }
            return tracker.login(monitorUser, password);
        }
        return staffToken;
    }
}
