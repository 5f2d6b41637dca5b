package ro.cluj.crt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Downloads the open-data archive (public, no login) and checks it against its own checksums and descriptor. */
@Command(name = "open-data", mixinStandardHelpOptions = true,
        description = {"Downloads the open-data archive (GET /api/open-data.zip: every public list as CSV and "
                + "JSON, the report, insights, datapackage.json, SHA256SUMS) into FILE, then checks every file "
                + "against SHA256SUMS and that datapackage.json names each data file.",
            "No login needed: the archive holds only what the public sees."})
final class OpenDataCommand implements Callable<Integer> {

    static final String CHECKSUMS = "SHA256SUMS";
    static final String DESCRIPTOR = "datapackage.json";

    @ParentCommand
    Crt root;

    @Mixin
    Connection connection;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the ZIP file to write")
    Path out;

    @Override
    public Integer call() throws IOException {
        Tracker tracker = root.tracker(connection);
        Path partial = out.resolveSibling(out.getFileName() + ".part");
        ExportCommand.Download download;
        try (InputStream body = tracker.download("api/open-data.zip", false);
             Progress progress = root.progress("open-data", -1, true)) {
            download = ExportCommand.Download.copy(body, partial, progress);
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        List<String> problems = check(out);
        if (!problems.isEmpty()) {
            root.out.printf("PROBLEMS (%d):%n", problems.size());
            problems.forEach(problem -> root.out.println("- " + problem));
            return ExitCode.PROBLEMS;
        }
        root.out.printf("OK: %s (%s), every file matches SHA256SUMS and datapackage.json%nsha256 %s%n", out,
                Progress.size(download.bytes()), download.sha256());
        return ExitCode.OK;
    }

    /** What is wrong with the archive: checksums that differ, files unlisted, resources missing. */
    static List<String> check(Path zip) throws IOException {
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, byte[]> small = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                MessageDigest digest = ExportCommand.Download.newDigest();
                byte[] bytes = in.readAllBytes();
                digest.update(bytes);
                actual.put(entry.getName(), HexFormat.of().formatHex(digest.digest()));
                if (entry.getName().equals(CHECKSUMS) || entry.getName().equals(DESCRIPTOR)) {
                    small.put(entry.getName(), bytes);
                }
            }
        }
        List<String> problems = new ArrayList<>();
        if (!small.containsKey(CHECKSUMS) || !small.containsKey(DESCRIPTOR)) {
            problems.add("the archive lacks " + CHECKSUMS + " or " + DESCRIPTOR);
            return problems;
        }
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : new String(small.get(CHECKSUMS), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                listed.put(line.substring(line.indexOf("  ") + 2), line.substring(0, line.indexOf("  ")));
            }
        }
        actual.forEach((name, sha256) -> {
            if (!name.equals(CHECKSUMS) && !sha256.equals(listed.get(name))) {
                problems.add(name + ": SHA-256 " + sha256 + ", " + CHECKSUMS + " says " + listed.get(name));
            }
        });
        listed.keySet().stream().filter(name -> !actual.containsKey(name))
                .forEach(name -> problems.add(name + ": listed in " + CHECKSUMS + " but not in the archive"));
        JsonNode descriptor = new ObjectMapper().readTree(small.get(DESCRIPTOR));
        List<String> resources = new ArrayList<>();
        descriptor.path("resources").forEach(resource -> resources.add(resource.path("path").asText()));
        for (String name : actual.keySet()) {
            boolean data = name.endsWith(".csv") || name.endsWith(".json") && !name.equals(DESCRIPTOR);
            if (data && !resources.contains(name)) {
                problems.add(name + ": not a resource of " + DESCRIPTOR);
            }
        }
        resources.stream().filter(path -> !actual.containsKey(path))
                .forEach(path -> problems.add(path + ": a resource of " + DESCRIPTOR + " missing from the archive"));
        return problems;
    }
}
