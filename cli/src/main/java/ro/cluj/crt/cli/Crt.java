package ro.cluj.crt.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code crt}, the command-line tool of staff, admins and auditors. Each command is a client of the tracker's HTTP
 * API; none reads the database. Results go to standard output, progress and errors to standard error.
 */
@Command(name = "crt", mixinStandardHelpOptions = true, versionProvider = Crt.Version.class,
        description = "The Cluj Resilience Tracker's command-line tool: import data files, export the audit chain "
                + "and verify it offline, follow shadow replays, download the open data.",
        subcommands = {ImportCommand.class, ExportCommand.class, VerifyCommand.class, ReplayCommand.class,
            OpenDataCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nLogin:%n",
        footer = {"Commands that need an account take --token or CRT_TOKEN, or --user with --password or "
                + "CRT_PASSWORD (logged in through POST /api/auth/token). The services are at --url and "
                + "--query-url (CRT_URL, CRT_QUERY_URL; http://localhost:8080 and :8081 unless given)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, and everything checked out",
            "1:problems: bad records, a broken chain, a checksum that differs, an error answer",
            "2:usage: wrong arguments, no credentials, a missing file",
            "3:the tracker could not be reached, or refused the credentials"})
public final class Crt implements Runnable {

    /** How progress is shown on standard error. */
    enum ProgressMode {
        /** A bar when standard error is a terminal, else lines. */
        auto,
        bar,
        lines,
        none
    }

    final Map<String, String> environment;
    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandSpec spec;

    @Option(names = "--progress", scope = ScopeType.INHERIT, paramLabel = "MODE",
            description = "how long work shows progress on standard error: auto (a bar on a terminal, else a line "
                    + "every few seconds), bar, lines or none; auto unless given")
    ProgressMode progress = ProgressMode.auto;

    Crt(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), System.out, System.err).execute(args));
    }

    /** The command line, printing on {@code out} and {@code err}, with the exit codes of {@link ExitCode}. */
    static CommandLine commandLine(Map<String, String> environment, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new Crt(environment, out, err));
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        line.setExecutionExceptionHandler(Crt::failed);
        return line;
    }

    /** Said once, plainly: no stack trace for the user. */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (e instanceof Tracker.UsageError) {
            err.println("error: " + e.getMessage());
            err.println("(see " + command.getCommandSpec().qualifiedName() + " --help)");
            return ExitCode.USAGE;
        }
        if (e instanceof TrackerException failure) {
            err.println("error: " + failure.getMessage());
            return failure.exitCode();
        }
        if (e instanceof UncheckedIOException io) {
            err.println("error: " + io.getCause().getMessage());
            return ExitCode.PROBLEMS;
        }
        err.println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        return ExitCode.PROBLEMS;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (see crt --help)");
    }

    Progress.Style progressStyle() {
        return switch (progress) {
            case bar -> Progress.Style.BAR;
            case lines -> Progress.Style.LINES;
            case none -> Progress.Style.NONE;
            case auto -> Terminals.standardErrorIsTerminal() ? Progress.Style.BAR : Progress.Style.LINES;
        };
    }

    /** Progress on standard error, shown as {@code --progress} says. */
    Progress progress(String label, long total, boolean bytes) {
        return Progress.of(spec.commandLine().getErr(), progressStyle(), label, total, bytes);
    }

    Tracker tracker(Connection connection) {
        return Tracker.of(connection, environment);
    }

    /** The version from the jar's manifest, when run from the jar. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = Crt.class.getPackage().getImplementationVersion();
            return new String[] {"crt " + (version == null ? "(development build)" : version)};
        }
    }
}
