package ro.cluj.crt.query.audit;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ro.cluj.crt.events.api.AuditEvent;
import ro.cluj.crt.events.api.AuditEventPage;
import ro.cluj.crt.events.api.ChainCheckpoint;
import ro.cluj.crt.events.api.SigningKeyView;
import ro.cluj.crt.events.audit.ChainHash;
import ro.cluj.crt.events.audit.CheckpointStatement;

/**
 * Reads the event table and the chain directly, in read-only transactions: auditors see the store itself, not a view
 * of it, so there is nothing to wait for and nothing a projection could have changed.
 */
@Component
class AuditQueries {

    private static final String SELECT = "SELECT e.global_index, e.event_identifier, e.aggregate_identifier, "
            + "e.sequence_number, e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data, "
            + "c.link_number, c.hash, c.previous_hash, c.sealed_at FROM %1$s.domain_event_entry e "
            + "LEFT JOIN %1$s.event_chain c ON c.global_index = e.global_index ";

    private static final String CHECKPOINTS = "SELECT link_number, global_index, head_hash, recorded_at, key_id, "
            + "signature FROM %s.chain_checkpoint ";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final String schema;

    AuditQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                 @Value("${crt.event-store.schema}") String schema) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.schema = schema;
    }

    AuditEventPage events(AuditFilter filter) {
        StringBuilder sql = new StringBuilder(SELECT.formatted(schema)).append("WHERE e.global_index > ?");
        List<Object> arguments = new ArrayList<>(List.of(filter.after()));
        if (filter.aggregateId() != null) {
            sql.append(" AND e.aggregate_identifier = ?");
            arguments.add(filter.aggregateId());
        }
        if (filter.type() != null) {
            sql.append(" AND (e.payload_type = ? OR e.payload_type LIKE ?)");
            arguments.add(filter.type());
            arguments.add("%." + filter.type().replace("_", "\\_"));
        }
        if (filter.actorId() != null) {
            // the stored metadata is compact JSON with sorted keys: a byte search also copes with an altered row
            sql.append(" AND position(convert_to('\"actorId\":' || to_json(?::text)::text, 'UTF8') in e.meta_data)"
                    + " > 0");
            arguments.add(filter.actorId());
        }
        if (filter.from() != null) {
            sql.append(" AND e.time_stamp::timestamptz >= ?");
            arguments.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND e.time_stamp::timestamptz < ?");
            arguments.add(Timestamp.from(filter.to()));
        }
        sql.append(" ORDER BY e.global_index LIMIT ?");
        arguments.add(filter.limit());
        List<AuditEvent> events = readOnly.execute(status ->
                jdbc.query(sql.toString(), (row, i) -> event(row), arguments.toArray()));
        long next = events.isEmpty() ? filter.after() : events.getLast().position();
        return new AuditEventPage(events, next, events.size() == filter.limit());
    }

    /** Every event of one aggregate in sequence order; empty when there is no such aggregate. */
    List<AuditEvent> history(String aggregateId) {
        return readOnly.execute(status -> jdbc.query(SELECT.formatted(schema)
                + "WHERE e.aggregate_identifier = ? ORDER BY e.sequence_number", (row, i) -> event(row), aggregateId));
    }

    List<ChainCheckpoint> checkpoints(long after, int limit) {
        return readOnly.execute(status -> jdbc.query(CHECKPOINTS.formatted(schema)
                + "WHERE link_number > ? ORDER BY link_number LIMIT ?", (row, i) -> checkpoint(row), after, limit));
    }

    /** The checkpoints signed at links {@code fromLink} to {@code toLink}, both included, in link order. */
    List<ChainCheckpoint> checkpointsBetween(long fromLink, long toLink) {
        return readOnly.execute(status -> jdbc.query(CHECKPOINTS.formatted(schema)
                + "WHERE link_number BETWEEN ? AND ? ORDER BY link_number", (row, i) -> checkpoint(row),
                fromLink, toLink));
    }

    private static ChainCheckpoint checkpoint(ResultSet row) throws SQLException {
        CheckpointStatement statement = new CheckpointStatement(row.getLong(1), row.getLong(2), row.getString(3),
                row.getTimestamp(4).toInstant(), row.getString(5));
        return new ChainCheckpoint(statement.linkNumber(), statement.globalIndex(), statement.headHash(),
                statement.recordedAt(), statement.keyId(), statement.text(),
                Base64.getEncoder().encodeToString(row.getBytes(6)));
    }

    record StoredKey(String keyId, String algorithm, byte[] publicKey, Instant firstUsedAt) {
    }

    List<StoredKey> signingKeys() {
        return readOnly.execute(status -> jdbc.query("SELECT key_id, algorithm, public_key, first_used_at FROM "
                + schema + ".audit_signing_key ORDER BY first_used_at, key_id", (row, i) -> new StoredKey(
                        row.getString(1), row.getString(2), row.getBytes(3), row.getTimestamp(4).toInstant())));
    }

    /** The key that signs checkpoints now, with every key that ever signed one; null when none has signed yet. */
    SigningKeyView publicKey() {
        List<StoredKey> stored = signingKeys();
        List<SigningKeyView> keys = stored.stream().map(key -> view(key, null)).toList();
        return keys.isEmpty() ? null : view(stored.getLast(), keys);
    }

    private static SigningKeyView view(StoredKey key, List<SigningKeyView> all) {
        String base64 = Base64.getEncoder().encodeToString(key.publicKey());
        String lines = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.publicKey());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + lines + "\n-----END PUBLIC KEY-----\n";
        return new SigningKeyView(key.algorithm(), key.keyId(), base64, pem, key.firstUsedAt(), all);
    }

    private AuditEvent event(ResultSet row) throws SQLException {
        byte[] metadata = row.getBytes("meta_data");
        byte[] payload = row.getBytes("payload");
        String metadataJson = StoredJson.textOrNull(metadata);
        String payloadJson = StoredJson.textOrNull(payload);
        Timestamp sealedAt = row.getTimestamp("sealed_at");
        AuditEvent.Link link = sealedAt == null ? null : new AuditEvent.Link(row.getLong("link_number"),
                ChainHash.hex(row.getBytes("hash")), ChainHash.hex(row.getBytes("previous_hash")),
                sealedAt.toInstant());
        String payloadType = row.getString("payload_type");
        return new AuditEvent(row.getLong("global_index"), row.getString("event_identifier"),
                row.getString("aggregate_identifier"), row.getString("type"), row.getLong("sequence_number"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1), payloadType, row.getString("payload_revision"),
                row.getString("time_stamp"), metadataJson,
                metadata == null || metadataJson != null ? null : Base64.getEncoder().encodeToString(metadata),
                payloadJson, payloadJson != null ? null : Base64.getEncoder().encodeToString(payload), link);
    }
}
