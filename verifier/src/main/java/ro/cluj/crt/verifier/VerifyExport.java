package ro.cluj.crt.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import ro.cluj.crt.events.api.AuditExportManifest;

/**
 * The offline verifier of an export of the tracker's event chain:
 * {@code java -jar crt-verifier.jar events.ndjson manifest.json [--public-key KEY ...] [--edition edition-1.json ...]}.
 * It needs neither the tracker nor its database, only the files, so that anyone given them can check the history is
 * whole and that the published editions count what the events say. The manifest names the public key the checkpoints
 * verify with, but that is the tracker's own word; with {@code --public-key} (a key the auditor kept from earlier) the
 * checkpoints must verify with a pinned key instead, so a history rewritten and signed anew does not pass. Exit status
 * 0 when everything holds, 1 with the list of problems, 2 on bad usage (wrong arguments, a file that is not there).
 */
public final class VerifyExport {

    static final int OK = 0;
    static final int PROBLEMS = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = "usage: java -jar crt-verifier.jar events.ndjson manifest.json "
            + "[--public-key BASE64-OR-FILE ...] [--edition edition-N.json ...] [--timeline timeline.json ...]";

    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;

    VerifyExport(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    /**
     * Runs the verification as another program's library, with the command line of {@link #main}, printing on
     * {@code out}.
     *
     * @return 0 when everything verified, 1 when problems were found, 2 on bad usage (arguments, a missing file)
     */
    public static int run(PrintStream out, String... args) {
        return new VerifyExport(out).run(args);
    }

    /** Runs the verification, printing what it found; answers the exit status. */
    int run(String[] args) {
        List<Path> editions = new ArrayList<>();
        List<Path> timelines = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<String> pinned = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--public-key") && i + 1 < args.length) {
                pinned.add(args[++i]);
            } else if (args[i].equals("--edition") && i + 1 < args.length) {
                editions.add(Path.of(args[++i]));
            } else if (args[i].equals("--timeline") && i + 1 < args.length) {
                timelines.add(Path.of(args[++i]));
            } else if (args[i].startsWith("-")) {
                out.println(USAGE_TEXT);
                return USAGE;
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.size() != 2) {
            out.println(USAGE_TEXT);
            return USAGE;
        }
        for (Path file : concat(concat(files, editions), timelines)) {
            if (!Files.isRegularFile(file)) {
                out.println("no such file: " + file);
                out.println(USAGE_TEXT);
                return USAGE;
            }
        }
        Map<String, String> pinnedKeys;
        try {
            pinnedKeys = PinnedKeys.read(pinned);
        } catch (IllegalArgumentException | IOException e) {
            out.println("--public-key: " + e.getMessage());
            out.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            return verify(files.get(0), files.get(1), pinnedKeys, editions, timelines);
        } catch (NoSuchFileException e) {
            out.println("no such file: " + e.getFile());
            return USAGE;
        } catch (IOException e) {
            out.println("cannot read the files: " + e.getMessage());
            return USAGE;
        }
    }

    private int verify(Path eventsFile, Path manifestFile, Map<String, String> pinnedKeys, List<Path> editionFiles,
                       List<Path> timelineFiles) throws IOException {
        Problems problems = new Problems();
        Map<Path, JsonNode> timelines = new LinkedHashMap<>();
        for (Path file : timelineFiles) {
            try {
                timelines.put(file, json.readTree(file.toFile()));
            } catch (JsonProcessingException e) {
                problems.add("timeline file " + file.getFileName() + ": not JSON: " + e.getOriginalMessage());
            }
        }
        TimelineCheck timelineCheck = new TimelineCheck(json, timelines.values().stream()
                .map(timeline -> timeline.path("commitmentId").asText("")).toList());
        Manifest manifest;
        try {
            manifest = Manifest.read(json.readTree(manifestFile.toFile()));
        } catch (JsonProcessingException e) {
            out.println("PROBLEMS (1):");
            out.println("- manifest: not JSON: " + e.getOriginalMessage());
            return PROBLEMS;
        }
        ChainCheck chain = new ChainCheck(manifest, problems);
        CatalogueFacts facts = new CatalogueFacts(problems);
        String fileSha256 = readLines(eventsFile, line -> {
            chain.accept(line);
            facts.accept(line);
            timelineCheck.accept(line);
        }, problems);
        chain.finish();
        checkFile(manifest, eventsFile, fileSha256, problems);
        Map<String, String> trusted = pinnedKeys.isEmpty() ? manifest.publicKeys() : pinnedKeys;
        int checkpoints = CheckpointCheck.check(manifest, trusted, chain.atCheckpoints(), problems);

        out.println("chain: " + chain.links() + " links (" + chain.firstLink() + " to " + chain.lastLink() + "), "
                + chain.events() + " events, head " + chain.headHash() + ", layout "
                + ro.cluj.crt.events.audit.ChainHash.VERSION);
        out.println("events file: " + Files.size(eventsFile) + " bytes, sha-256 " + fileSha256);
        out.println("checkpoints: " + checkpoints + " of " + manifest.checkpoints().size() + " verify with "
                + (pinnedKeys.isEmpty() ? "the manifest's public key " : "the pinned public key ")
                + String.join(", ", trusted.keySet()));
        for (Path file : editionFiles) {
            edition(file, facts, chain.firstLink(), problems);
        }
        for (Map.Entry<Path, JsonNode> timeline : timelines.entrySet()) {
            TimelineCheck.Standing standing = timelineCheck.check(timeline.getKey().getFileName().toString(),
                    timeline.getValue(), problems);
            if (standing != null) {
                out.println("commitment " + standing.commitmentId() + " recomputed from " + standing.events()
                        + " events: status " + standing.status() + ", latest percentage " + standing.percentage());
            }
        }
        if (problems.none()) {
            out.println("OK: the chain, the manifest, the checkpoints, " + editionFiles.size()
                    + " edition(s) and " + timelines.size() + " timeline(s) hold");
            return OK;
        }
        out.println("PROBLEMS (" + problems.all().size() + "):");
        problems.all().forEach(problem -> out.println("- " + problem));
        return PROBLEMS;
    }

    /** Feeds every line to the checks; answers the SHA-256 of the file's bytes. */
    private String readLines(Path eventsFile, Consumer<ExportLine> checks, Problems problems) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(eventsFile), sha256);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            long lineNumber = 0;
            while ((text = reader.readLine()) != null) {
                lineNumber++;
                ExportLine line;
                try {
                    line = ExportLine.read(json.readTree(text));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    problems.add("line " + lineNumber + " of " + eventsFile.getFileName() + ": unreadable: "
                            + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
                    continue;
                }
                checks.accept(line);
            }
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void checkFile(Manifest manifest, Path eventsFile, String sha256, Problems problems)
            throws IOException {
        if (!sha256.equals(manifest.fileSha256())) {
            problems.add("manifest: the events file's SHA-256 is " + sha256 + ", the manifest says "
                    + manifest.fileSha256());
        }
        if (Files.size(eventsFile) != manifest.fileBytes()) {
            problems.add("manifest: the events file has " + Files.size(eventsFile) + " bytes, the manifest says "
                    + manifest.fileBytes());
        }
        if (!AuditExportManifest.FORMAT.equals(manifest.format())) {
            problems.add("manifest: format " + manifest.format() + " is not " + AuditExportManifest.FORMAT);
        }
    }

    private void edition(Path file, CatalogueFacts facts, Long firstLink, Problems problems) throws IOException {
        JsonNode edition;
        try {
            edition = json.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            problems.add("edition file " + file.getFileName() + ": not JSON: " + e.getOriginalMessage());
            return;
        }
        PublicReport report = EditionCheck.check(file.getFileName().toString(), edition, facts, firstLink, problems);
        if (report != null) {
            out.println("edition " + edition.path("number").asInt() + " (position " + edition.path("position")
                    .asLong() + ") recomputed: organisations " + report.organisations() + ", interviews "
                    + report.interviews() + ", measures " + report.measures() + "; byField " + brief(report.byField())
                    + "; bySector " + brief(report.bySector()) + "; " + report.measureIds().size()
                    + " published measure ids");
        }
    }

    private static String brief(Map<String, List<Long>> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((key, value) -> parts.add(key + "=" + value.get(0) + "/" + value.get(1)));
        return String.join(" ", parts);
    }

    private static List<Path> concat(List<Path> first, List<Path> second) {
        List<Path> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
