package ro.cluj.crt.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import ro.cluj.crt.verifier.VerifyExport;

/** Runs the offline verifier (as a library) on a directory {@code crt export} wrote. No tracker needed. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies an export offline, as crt-verifier.jar does: every link's hash, the manifest, the "
                + "signed checkpoints and, per --edition, the published numbers recomputed from the events.",
            "Prints OK and exits with 0, or PROBLEMS with one line each and exits with 1."})
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    Crt root;

    @Parameters(index = "0", paramLabel = "DIR", description = "a directory holding events.ndjson and "
            + "manifest.json")
    Path directory;

    @Option(names = "--public-key", paramLabel = "KEY", description = "the tracker's public key kept from "
            + "earlier (base64, or a file holding it); repeat for keys used before a rotation")
    List<String> publicKeys = new ArrayList<>();

    @Option(names = "--edition", paramLabel = "FILE", description = "a published edition (GET /api/editions/N) "
            + "to recompute; repeatable")
    List<Path> editions = new ArrayList<>();

    @Option(names = "--timeline", paramLabel = "FILE", description = "a commitment's public timeline to compare "
            + "with its events; repeatable")
    List<Path> timelines = new ArrayList<>();

    @Override
    public Integer call() {
        for (String file : List.of(ExportCommand.EVENTS, ExportCommand.MANIFEST)) {
            if (!Files.isRegularFile(directory.resolve(file))) {
                throw new Tracker.UsageError(directory + " holds no " + file + " (write one with crt export)");
            }
        }
        List<String> arguments = new ArrayList<>(List.of(directory.resolve(ExportCommand.EVENTS).toString(),
                directory.resolve(ExportCommand.MANIFEST).toString()));
        publicKeys.forEach(key -> arguments.addAll(List.of("--public-key", key)));
        editions.forEach(edition -> arguments.addAll(List.of("--edition", edition.toString())));
        timelines.forEach(timeline -> arguments.addAll(List.of("--timeline", timeline.toString())));
        root.out.flush();
        return VerifyExport.run(root.out, arguments.toArray(String[]::new));
    }
}
