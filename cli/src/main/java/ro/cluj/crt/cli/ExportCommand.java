package ro.cluj.crt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Downloads an export of the audit chain: the manifest first (it settles the range), then the events of exactly
 * that range, checked against the manifest's size and SHA-256 as they arrive.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports the audit chain (auditor role) into DIR: manifest.json and events.ndjson, as "
                + "GET /api/audit/export/manifest.json and events.ndjson give them, for `crt verify DIR`.",
            "The events file is checked against the manifest's size and SHA-256; a difference exits with 1."})
final class ExportCommand implements Callable<Integer> {

    static final String EVENTS = "events.ndjson";
    static final String MANIFEST = "manifest.json";

    @ParentCommand
    Crt root;

    @Mixin
    Connection connection;

    @Option(names = "--from-link", paramLabel = "N", description = "first link to export; 1 unless given")
    long fromLink = 1;

    @Option(names = "--to-link", paramLabel = "N", description = "last link to export; the chain's head unless "
            + "given")
    Long toLink;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write the two files "
            + "(made if missing; files of an earlier export there are replaced)")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (fromLink < 1 || (toLink != null && toLink < fromLink)) {
            throw new Tracker.UsageError("--from-link must be 1 or more and --to-link not below it");
        }
        Tracker tracker = root.tracker(connection);
        String manifestText = tracker.getText("api/audit/export/manifest.json?fromLink=" + fromLink
                + (toLink == null ? "" : "&toLink=" + toLink), true);
        JsonNode manifest = new ObjectMapper().readTree(manifestText);
        long first = manifest.path("range").path("fromLink").asLong();
        long last = manifest.path("range").path("toLink").asLong();
        long links = manifest.path("links").asLong();
        long bytes = manifest.path("eventsFile").path("bytes").asLong(-1);
        String sha256 = manifest.path("eventsFile").path("sha256").asText();
        Files.createDirectories(out);
        Path events = out.resolve(EVENTS);
        Path partial = out.resolve(EVENTS + ".part");
        Download download;
        try (InputStream body = tracker.download("api/audit/export/events.ndjson?fromLink=" + first + "&toLink="
                + last, true);
             Progress progress = root.progress("export", bytes, true).alsoCounting("links", links)) {
            download = Download.copy(body, partial, progress);
        }
        Files.move(partial, events, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(out.resolve(MANIFEST), manifestText, StandardCharsets.UTF_8);
        if (download.bytes() != bytes || !download.sha256().equals(sha256)) {
            root.out.printf("PROBLEMS (1):%n- %s: %d bytes with SHA-256 %s; the manifest says %d bytes, %s%n",
                    EVENTS, download.bytes(), download.sha256(), bytes, sha256);
            return ExitCode.PROBLEMS;
        }
        root.out.printf("exported links %d to %d (%,d links, %s) into %s: %s, %s%nsha256 %s%n", first, last,
                download.lines(), Progress.size(download.bytes()), out, MANIFEST, EVENTS, download.sha256());
        return ExitCode.OK;
    }

    /** A stream copied to a file, with its size, SHA-256 and number of lines. */
    record Download(long bytes, String sha256, long lines) {

        static Download copy(InputStream in, Path file, Progress progress) {
            MessageDigest digest = newDigest();
            long lines = 0;
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream target = Files.newOutputStream(file)) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    target.write(buffer, 0, read);
                    digest.update(buffer, 0, read);
                    long newLines = 0;
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            newLines++;
                        }
                    }
                    lines += newLines;
                    total += read;
                    progress.advanceSecond(newLines);
                    progress.advance(read);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the download into " + file + " broke off: " + e.getMessage(), e);
            }
            return new Download(total, HexFormat.of().formatHex(digest.digest()), lines);
        }

        static MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }
}
