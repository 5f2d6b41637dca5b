package ro.cluj.crt.query.opendata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.ReportView;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.report.PublicInsights;
import ro.cluj.crt.query.report.ReportQueries;

/**
 * The open-data archive: every public table as CSV and JSON, the public report and insights as JSON, a Frictionless
 * Data Package descriptor ({@value #DESCRIPTOR}) naming each data file with its fields, size, SHA-256 and licence, a
 * README, and {@value #CHECKSUMS} with the SHA-256 of every other file in the form {@code sha256sum -c} reads. All of
 * it is read in one snapshot of the views, as the public sees them, and streamed: nothing is held whole in memory.
 */
@Component
class OpenDataArchive {

    static final String DESCRIPTOR = "datapackage.json";
    static final String CHECKSUMS = "SHA256SUMS";
    static final String README = "README.md";
    private static final Logger log = LoggerFactory.getLogger(OpenDataArchive.class);

    private final PublicTables tables;
    private final ReportQueries report;
    private final PublicInsights insights;
    private final ProjectionPositions positions;
    private final ObjectMapper json;
    private final Clock clock;
    private final Licence licence;

    /** The licence the tracker publishes its own data under; imported data keeps its source's (in "sources"). */
    record Licence(String name, String title, String path) {
    }

    OpenDataArchive(PublicTables tables, ReportQueries report, PublicInsights insights, ProjectionPositions positions,
                    ObjectMapper json, Clock clock,
                    @Value("${crt.open-data.licence.name:CC-BY-4.0}") String licenceName,
                    @Value("${crt.open-data.licence.title:Creative Commons Attribution 4.0}") String licenceTitle,
                    @Value("${crt.open-data.licence.path:https://creativecommons.org/licenses/by/4.0/}")
                    String licencePath) {
        this.tables = tables;
        this.report = report;
        this.insights = insights;
        this.positions = positions;
        this.json = json;
        this.clock = clock;
        this.licence = new Licence(licenceName, licenceTitle, licencePath);
    }

    /** Writes the archive; answers the event store position it reflects. */
    long write(OutputStream out) {
        ProjectionPositions.Positioned<List<Entry>> written = positions.read(tables.views(), null, () -> {
            try {
                return entries(new ZipOutputStream(out, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        log.info("open-data archive written: {} files at position {}", written.value().size(), written.position());
        return written.position();
    }

    /** A file written into the archive; {@code rows} is the number of rows of a table's file, else 0. */
    record Entry(String path, long bytes, String sha256, long rows) {
    }

    private List<Entry> entries(ZipOutputStream zip) throws IOException {
        TableFiles files = new TableFiles(json);
        List<Entry> entries = new ArrayList<>();
        ObjectNode descriptor = json.createObjectNode();
        ArrayNode resources = json.createArrayNode();
        for (PublicTable table : tables.all()) {
            Entry csvFile = entry(zip, table.name() + ".csv", out -> files.csv(table, out));
            Entry jsonFile = entry(zip, table.name() + ".json", out -> files.json(table, out));
            entries.add(csvFile);
            entries.add(jsonFile);
            resources.add(tabular(table, csvFile));
            resources.add(resource(table.name() + "-json", table.title() + " (JSON)", jsonFile, "application/json"));
        }
        ReportView publicReport = report.report(false);
        Entry reportEntry = entry(zip, "report.json", out -> value(out, publicReport));
        Entry insightsEntry = entry(zip, "insights.json", out -> value(out, insights.insights()));
        entries.add(reportEntry);
        entries.add(insightsEntry);
        resources.add(resource("report", "The public report", reportEntry, "application/json"));
        resources.add(resource("insights", "Insights", insightsEntry, "application/json"));
        describe(descriptor, publicReport, resources);
        entries.add(entry(zip, DESCRIPTOR, out -> {
            json.writerWithDefaultPrettyPrinter().writeValue(CloseShield.of(out), descriptor);
            return 0;
        }));
        entries.add(entry(zip, README, out -> {
            out.write(readme(entries).getBytes(StandardCharsets.UTF_8));
            return 0;
        }));
        StringBuilder sums = new StringBuilder();
        entries.forEach(entry -> sums.append(entry.sha256()).append("  ").append(entry.path()).append('\n'));
        entry(zip, CHECKSUMS, out -> {
            out.write(sums.toString().getBytes(StandardCharsets.UTF_8));
            return 0;
        });
        zip.finish();
        zip.flush();
        return entries;
    }

    private void describe(ObjectNode descriptor, ReportView publicReport, ArrayNode resources) {
        descriptor.put("profile", "data-package");
        descriptor.put("name", "cluj-resilience-tracker");
        descriptor.put("title", "Cluj Resilience Tracker: open data");
        descriptor.put("description", "Everything the tracker publishes, as the public reads it through its API: "
                + "organisations, interviews published with consent and their measures, weekly editions, lessons, "
                + "working sessions, commitments and scorecards, the report and insights. No personal data.");
        descriptor.put("created", Instant.now(clock).toString());
        ObjectNode licenceNode = descriptor.putArray("licenses").addObject();
        licenceNode.put("name", licence.name()).put("title", licence.title()).put("path", licence.path());
        ArrayNode sources = descriptor.putArray("sources");
        for (ReportView.Attribution attribution : publicReport.attributions()) {
            sources.addObject().put("title", attribution.source()).put("licence", attribution.licence());
        }
        descriptor.set("resources", resources);
    }

    private ObjectNode tabular(PublicTable table, Entry csv) {
        ObjectNode resource = resource(table.name(), table.title(), csv, "text/csv");
        resource.put("profile", "tabular-data-resource");
        resource.put("description", table.description());
        resource.putObject("dialect").put("delimiter", ",").put("lineTerminator", "\r\n").put("quoteChar", "\"")
                .put("doubleQuote", true).put("header", true);
        ArrayNode fields = resource.putObject("schema").putArray("fields");
        for (Column column : table.columns()) {
            fields.addObject().put("name", column.name()).put("type", column.type())
                    .put("description", column.description());
        }
        return resource;
    }

    private ObjectNode resource(String name, String title, Entry entry, String mediaType) {
        ObjectNode resource = json.createObjectNode();
        resource.put("name", name);
        resource.put("title", title);
        resource.put("path", entry.path());
        resource.put("format", entry.path().substring(entry.path().lastIndexOf('.') + 1));
        resource.put("mediatype", mediaType);
        resource.put("encoding", "utf-8");
        resource.put("bytes", entry.bytes());
        resource.put("hash", "sha256:" + entry.sha256());
        return resource;
    }

    private long value(OutputStream out, Object value) throws IOException {
        json.writeValue(CloseShield.of(out), value);
        return 0;
    }

    private String readme(List<Entry> entries) {
        StringBuilder text = new StringBuilder("""
                # Cluj Resilience Tracker: open data

                Everything the tracker publishes, read in one snapshot as the public sees it through the read API:
                only interviews whose organisations consented to publication, published lessons, sessions that
                were not cancelled; no contact people, no recommendations, no personal data.

                `datapackage.json` describes every data file (a Frictionless Data Package): its columns, their
                types and meanings, its size and SHA-256, and the licence. `SHA256SUMS` holds the SHA-256 of every
                other file: check it with `sha256sum -c SHA256SUMS`.

                CSV files: RFC 4180, UTF-8, comma separated, CRLF line ends, one header line. Several values in one
                cell are separated by `;`. A text that would start with `=`, `+`, `-`, `@`, a tab or a carriage
                return starts with an apostrophe, so that no spreadsheet runs it as a formula. Each JSON file holds
                the same rows as its CSV, as the read API answers them.

                Licence: %s (%s). Data imported from published sources keeps its source's licence and attribution
                (`sources` in `datapackage.json`, and the source columns of `interviews`).

                | files | what | rows |
                |---|---|---|
                """.formatted(licence.title(), licence.path()));
        for (PublicTable table : tables.all()) {
            long rows = entries.stream().filter(entry -> entry.path().equals(table.name() + ".csv"))
                    .mapToLong(Entry::rows).sum();
            text.append("| `").append(table.name()).append(".csv`, `.json` | ").append(table.description())
                    .append(" | ").append(rows).append(" |\n");
        }
        return text.toString();
    }

    /** Writes one file's bytes into the archive. */
    private interface Body {
        long write(OutputStream out) throws IOException;
    }

    private static Entry entry(ZipOutputStream zip, String path, Body body) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        MessageDigest sha256 = sha256();
        Counting counting = new Counting(zip);
        DigestOutputStream digesting = new DigestOutputStream(counting, sha256);
        long rows = body.write(digesting);
        digesting.flush();
        zip.closeEntry();
        return new Entry(path, counting.count, HexFormat.of().formatHex(sha256.digest()), rows);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Counts the bytes written through it; never closes the ZIP beneath. */
    private static final class Counting extends java.io.FilterOutputStream {

        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
