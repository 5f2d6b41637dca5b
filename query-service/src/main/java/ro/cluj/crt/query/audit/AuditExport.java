package ro.cluj.crt.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ro.cluj.crt.events.api.AuditExportManifest;
import ro.cluj.crt.events.api.AuditExportManifest.LinkEnd;
import ro.cluj.crt.events.audit.ChainHash;

/**
 * Writes a range of the event chain as NDJSON, one link and its event's stored bytes per line in link order, and the
 * manifest that pins those bytes with a SHA-256, so that an auditor can verify the chain and recompute the published
 * numbers offline. Rows go from a database cursor straight to the output: the history is never held in memory. The
 * manifest writes the same lines into a digest, so both answer the same bytes for the same range.
 */
@Component
class AuditExport {

    static final String EVENTS_FILE = "events.ndjson";
    private static final int FETCH_SIZE = 500;
    private static final String LINKS = "SELECT c.link_number, c.global_index AS link_global_index, c.previous_hash, "
            + "c.hash, c.sealed_at, e.global_index, e.aggregate_identifier, e.type, e.sequence_number, "
            + "e.event_identifier, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data "
            + "FROM %1$s.event_chain c LEFT JOIN %1$s.domain_event_entry e ON e.global_index = c.global_index "
            + "WHERE c.link_number BETWEEN ? AND ? ORDER BY c.link_number";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final AuditQueries queries;
    private final String schema;
    private final ObjectMapper json = new ObjectMapper();

    AuditExport(DataSource dataSource, PlatformTransactionManager transactions, AuditQueries queries,
                @Value("${crt.event-store.schema}") String schema) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(FETCH_SIZE);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.queries = queries;
        this.schema = schema;
    }

    /**
     * Links {@code fromLink} to {@code toLink}; a missing end is the chain's first link or its head, which also
     * bounds {@code toLink}.
     */
    record Range(Long fromLink, Long toLink) {
    }

    /** Writes the NDJSON lines of the range to {@code out}, which is flushed and left open. */
    void writeEvents(Range range, OutputStream out) {
        snapshot.executeWithoutResult(status -> write(settled(range), out));
    }

    /** The manifest of the range, its counts and file hash computed from the same lines in the same transaction. */
    AuditExportManifest manifest(Range range) {
        return snapshot.execute(status -> {
            AuditExportManifest.Range settled = settled(range);
            MessageDigest sha256 = sha256();
            Written written;
            try (DigestOutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
                written = write(settled, digest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new AuditExportManifest(AuditExportManifest.FORMAT, ChainHash.VERSION, Instant.now(), settled,
                    written.links, written.events, written.first, written.last,
                    written.last == null ? null : written.last.hash(),
                    new AuditExportManifest.EventsFile(EVENTS_FILE, written.bytes,
                            HexFormat.of().formatHex(sha256.digest())),
                    queries.checkpointsBetween(settled.fromLink(), settled.toLink()), queries.publicKey());
        });
    }

    private AuditExportManifest.Range settled(Range range) {
        long from = range.fromLink() == null ? 1 : range.fromLink();
        Long head = jdbc.queryForObject("SELECT max(link_number) FROM " + schema + ".event_chain", Long.class);
        long to = head == null ? 0 : head;
        return new AuditExportManifest.Range(from, range.toLink() == null ? to : Math.min(range.toLink(), to));
    }

    private Written write(AuditExportManifest.Range range, OutputStream out) {
        Written written = new Written(out);
        try (JsonGenerator generator = json.getFactory().createGenerator(written.counting)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.setRootValueSeparator(null);
            jdbc.query(LINKS.formatted(schema), row -> {
                line(row, generator, written);
            }, range.fromLink(), range.toLink());
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** One link and its event as stored; payload and metadata as base64 of their exact bytes. */
    private void line(ResultSet row, JsonGenerator out, Written written) throws SQLException {
        long link = row.getLong("link_number");
        long globalIndex = row.getLong("link_global_index");
        boolean present = row.getObject("global_index") != null;
        byte[] metadata = row.getBytes("meta_data");
        String metadataJson = StoredJson.textOrNull(metadata);
        String previous = ChainHash.hex(row.getBytes("previous_hash"));
        String hash = ChainHash.hex(row.getBytes("hash"));
        Timestamp sealedAt = row.getTimestamp("sealed_at");
        try {
            out.writeStartObject();
            out.writeNumberField("linkNumber", link);
            out.writeNumberField("globalIndex", globalIndex);
            out.writeBooleanField("eventPresent", present);
            out.writeStringField("aggregateId", row.getString("aggregate_identifier"));
            out.writeStringField("aggregateType", row.getString("type"));
            out.writeObjectField("sequenceNumber", present ? row.getLong("sequence_number") : null);
            out.writeStringField("eventId", row.getString("event_identifier"));
            out.writeStringField("payloadType", row.getString("payload_type"));
            out.writeStringField("payloadRevision", row.getString("payload_revision"));
            out.writeStringField("timeStamp", row.getString("time_stamp"));
            out.writeStringField("payloadBase64", base64(row.getBytes("payload")));
            out.writeStringField("metadataBase64", base64(metadata));
            out.writeFieldName("metadata");
            if (metadataJson == null) {
                out.writeNull();
            } else {
                out.writeTree(json.readTree(metadataJson));
            }
            out.writeStringField("previousHash", previous);
            out.writeStringField("hash", hash);
            out.writeStringField("sealedAt", sealedAt == null ? null : sealedAt.toInstant().toString());
            out.writeEndObject();
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.add(new LinkEnd(link, globalIndex, previous, hash), present);
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** What one writing of the range produced: lines, events found, both ends, bytes. */
    private static final class Written {
        final CountingStream counting;
        long links;
        long events;
        long bytes;
        LinkEnd first;
        LinkEnd last;

        Written(OutputStream out) {
            this.counting = new CountingStream(out, this);
        }

        void add(LinkEnd link, boolean present) {
            links++;
            events += present ? 1 : 0;
            if (first == null) {
                first = new LinkEnd(link.linkNumber(), link.globalIndex(), link.previousHash(), null);
            }
            last = new LinkEnd(link.linkNumber(), link.globalIndex(), null, link.hash());
        }
    }

    /** Counts the bytes written through it, for the manifest's file length. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        private final Written written;

        CountingStream(OutputStream out, Written written) {
            super(out);
            this.written = written;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            written.bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written.bytes += len;
        }
    }
}
