package ro.cluj.crt.support.audit;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ro.cluj.crt.events.audit.ChainHash;
import ro.cluj.crt.events.audit.CheckpointStatement;
import ro.cluj.crt.events.audit.SigningKeys;
import ro.cluj.crt.support.audit.ChainVerification.Problem;

/**
 * Recomputes the event chain from the event table and says where it is broken. It trusts nothing the sealer keeps:
 * each link's hash is recomputed from the event's stored bytes ({@link ChainHash}), each link must name the hash of
 * the link before, link numbers must not skip, every event older than the grace period must have a link, and every
 * signed checkpoint must name a head the chain has. Plain JDBC in one read-only repeatable-read transaction, so that
 * the services and a command-line run share it and see one consistent state.
 */
public final class ChainVerifier {

    public static final int MAX_PROBLEMS = 100;
    private static final int FETCH_SIZE = 1000;

    private final String schema;
    private final Duration grace;

    /**
     * @param schema the event store's schema
     * @param grace  how long an event may stay without a link before that is a problem
     */
    public ChainVerifier(String schema, Duration grace) {
        this.schema = schema;
        this.grace = grace;
    }

    /** Verifies the chain as the connection sees it; the connection is left as it was given. */
    public ChainVerification verify(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            ChainVerification result = walk(connection);
            connection.rollback();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private ChainVerification walk(Connection connection) throws SQLException {
        Instant now = Instant.now();
        Findings findings = new Findings();
        Map<Long, Checkpoint> checkpoints = checkpoints(connection, findings);
        Head head = walkLinks(connection, checkpoints, findings);
        for (Checkpoint checkpoint : checkpoints.values()) {
            if (head.lastLink == null || checkpoint.linkNumber > head.lastLink) {
                findings.add(new Problem("checkpoint-mismatch", checkpoint.linkNumber, checkpoint.globalIndex,
                        "a signed checkpoint names link " + checkpoint.linkNumber + ", beyond the chain's last link"));
            }
        }
        long[] eventCounts = unsealed(connection, now, findings);
        return new ChainVerification(findings.count == 0, now, head.links, eventCounts[0], eventCounts[1],
                checkpoints.size(), head.lastLink, head.lastGlobalIndex, ChainHash.hex(head.hash), head.sealedAt,
                findings.count, findings.problems.isEmpty() ? null : findings.problems.getFirst(),
                List.copyOf(findings.problems));
    }

    private Head walkLinks(Connection connection, Map<Long, Checkpoint> checkpoints, Findings findings)
            throws SQLException {
        Head head = new Head();
        String sql = "SELECT c.link_number, c.global_index AS link_global_index, c.previous_hash, c.hash, "
                + "c.sealed_at, e.* FROM " + schema + ".event_chain c LEFT JOIN " + schema + ".domain_event_entry e "
                + "ON e.global_index = c.global_index ORDER BY c.link_number";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    check(row, head, checkpoints, findings);
                }
            }
        }
        return head;
    }

    private static void check(ResultSet row, Head head, Map<Long, Checkpoint> checkpoints, Findings findings)
            throws SQLException {
        long link = row.getLong("link_number");
        long globalIndex = row.getLong("link_global_index");
        byte[] previous = row.getBytes("previous_hash");
        byte[] stored = row.getBytes("hash");
        long expected = head.lastLink == null ? 1 : head.lastLink + 1;
        if (link != expected) {
            findings.add(new Problem("link-missing", link, globalIndex,
                    "links " + expected + " to " + (link - 1) + " are missing"));
        }
        byte[] before = head.hash == null ? ChainHash.GENESIS : head.hash;
        if (!Arrays.equals(previous, before)) {
            findings.add(new Problem("link-altered", link, globalIndex,
                    "the link's previous hash is not the hash of the link before it"));
        }
        if (row.getObject("global_index") == null) {
            findings.add(new Problem("event-missing", link, globalIndex,
                    "the event at global index " + globalIndex + " was sealed and is gone"));
        } else if (!Arrays.equals(stored, ChainHash.of(previous == null ? before : previous, link,
                StoredEventRows.read(row)))) {
            findings.add(new Problem("hash-mismatch", link, globalIndex,
                    "the event at global index " + globalIndex + " is not what was sealed"));
        }
        Checkpoint checkpoint = checkpoints.get(link);
        if (checkpoint != null && !(checkpoint.globalIndex == globalIndex
                && checkpoint.headHash.equals(ChainHash.hex(stored)))) {
            findings.add(new Problem("checkpoint-mismatch", link, globalIndex,
                    "the signed checkpoint at link " + link + " names another head"));
        }
        head.links++;
        head.lastLink = link;
        head.lastGlobalIndex = globalIndex;
        head.hash = stored;
        Timestamp sealedAt = row.getTimestamp("sealed_at");
        head.sealedAt = sealedAt == null ? null : sealedAt.toInstant();
    }

    /** Counts the events, reports those without a link older than the grace period, counts the younger ones. */
    private long[] unsealed(Connection connection, Instant now, Findings findings) throws SQLException {
        long events;
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM " + schema + ".domain_event_entry");
             ResultSet result = count.executeQuery()) {
            result.next();
            events = result.getLong(1);
        }
        long pending = 0;
        try (PreparedStatement query = connection.prepareStatement("SELECT e.global_index, e.time_stamp FROM "
                + schema + ".domain_event_entry e WHERE NOT EXISTS (SELECT 1 FROM " + schema + ".event_chain c "
                + "WHERE c.global_index = e.global_index) ORDER BY e.global_index")) {
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long globalIndex = row.getLong(1);
                    if (recordedAt(row.getString(2)).isAfter(now.minus(grace))) {
                        pending++;
                    } else {
                        findings.add(new Problem("unsealed", null, globalIndex,
                                "the event at global index " + globalIndex + " has no link"));
                    }
                }
            }
        }
        return new long[] {events, pending};
    }

    /** A time stamp that cannot be read counts as old: an unreadable event must not hide behind the grace. */
    private static Instant recordedAt(String timeStamp) {
        try {
            return Instant.parse(timeStamp);
        } catch (DateTimeParseException | NullPointerException e) {
            return Instant.EPOCH;
        }
    }

    private Map<Long, Checkpoint> checkpoints(Connection connection, Findings findings) throws SQLException {
        Map<String, PublicKey> keys = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT key_id, public_key FROM " + schema + ".audit_signing_key");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                try {
                    keys.put(row.getString(1), SigningKeys.publicKey(row.getBytes(2)));
                } catch (GeneralSecurityException e) {
                    findings.add(new Problem("checkpoint-signature", null, null,
                            "the stored public key " + row.getString(1) + " cannot be read"));
                }
            }
        }
        Map<Long, Checkpoint> checkpoints = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT link_number, global_index, head_hash, "
                + "recorded_at, key_id, signature FROM " + schema + ".chain_checkpoint ORDER BY link_number");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                CheckpointStatement statement = new CheckpointStatement(row.getLong(1), row.getLong(2),
                        row.getString(3), row.getTimestamp(4).toInstant(), row.getString(5));
                PublicKey key = keys.get(statement.keyId());
                if (key == null || !SigningKeys.verify(key, statement.bytes(), row.getBytes(6))) {
                    findings.add(new Problem("checkpoint-signature", statement.linkNumber(),
                            statement.globalIndex(), "the checkpoint's signature does not verify"));
                }
                checkpoints.put(statement.linkNumber(), new Checkpoint(statement.linkNumber(),
                        statement.globalIndex(), statement.headHash()));
            }
        }
        return checkpoints;
    }

    private record Checkpoint(long linkNumber, long globalIndex, String headHash) {
    }

    /** The walk's state: the last link seen. */
    private static final class Head {
        long links;
        Long lastLink;
        Long lastGlobalIndex;
        byte[] hash;
        Instant sealedAt;
    }

    /** Every problem counted, the first {@link #MAX_PROBLEMS} kept. */
    private static final class Findings {
        final List<Problem> problems = new ArrayList<>();
        long count;

        void add(Problem problem) {
            count++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem);
            }
        }
    }
}
