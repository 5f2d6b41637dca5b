package ro.cluj.crt.command.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import ro.cluj.crt.events.audit.ChainHash;
import ro.cluj.crt.events.audit.StoredEvent;
import ro.cluj.crt.support.audit.StoredEventRows;

/**
 * Seals every event into the hash chain ({@code event_chain}) as soon as it becomes visible, and signs checkpoints.
 *
 * <p>One sealer at a time: the instance that holds PostgreSQL's session advisory lock {@link #LOCK} on its own
 * connection seals; any other command-service instance only retries taking the lock now and then. Losing the
 * connection releases the lock, so another instance takes over.
 *
 * <p>Coverage. PostgreSQL hands out {@code global_index} values before commit, so events become visible out of index
 * order and rolled-back transactions leave holes that never fill. Each poll therefore seals, in index order, the
 * events that have no link yet (an anti-join) above a floor: every index at or below the floor is sealed or is a hole
 * given up on. A hole stays open for {@code gapTimeout} after it was first seen; an event that commits into it later
 * is sealed then, as a new link at the head naming its own index. After the timeout the floor moves past it, and a
 * full sweep of the whole table (at start and every {@code fullSweepInterval}) still seals anything that arrives
 * there later. The unique index on {@code global_index} makes a second link for one event impossible.
 *
 * <p>The chain is kept by the sealer alone: links are numbered without gaps and each hashes the previous one
 * ({@link ChainHash}). Links and a due checkpoint are written in one transaction. Any failure drops the connection
 * (and with it the lock); the next attempt reloads the head from the database. Logs name positions and link
 * numbers only.
 */
final class ChainSealer implements SmartLifecycle {

    /** The advisory lock key: the ASCII of "crt_seal". */
    static final long LOCK = 0x6372745f7365616cL;
    private static final Logger log = LoggerFactory.getLogger(ChainSealer.class);

    private final DataSource dataSource;
    private final SealerSettings settings;
    private final CheckpointSigner signer;
    private final String schema;
    private final String chain;
    private final String events;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("chain-sealer").factory());
    private volatile boolean running;

    // The fields below are read and written by the scheduler's one thread only.
    private Connection leader;
    private long headLink;
    private byte[] headHash;
    private long headGlobalIndex;
    private long frontier;
    private final TreeMap<Long, Instant> openGaps = new TreeMap<>();
    private Instant nextSweep = Instant.MIN;
    private long lastCheckpointLink;
    private Instant lastCheckpointAt;
    private boolean keyRegistered;

    ChainSealer(DataSource dataSource, SealerSettings settings, CheckpointSigner signer, String schema) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.signer = signer;
        this.schema = schema;
        this.chain = schema + ".event_chain";
        this.events = schema + ".domain_event_entry";
    }

    @Override
    public void start() {
        running = true;
        scheduler.execute(this::tick);
    }

    @Override
    public void stop() {
        running = false;
        // let a batch in flight finish (interrupting it would break its connection mid-query), then give up
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        resign();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void tick() {
        if (!running) {
            return;
        }
        long delay = settings.pollInterval().toMillis();
        try {
            if (leader == null && !lead()) {
                delay = settings.leadershipRetry().toMillis();
            } else if (sealOnce() >= settings.batchSize()) {
                delay = 0;
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("sealing the event chain failed at link {} ({}); trying again", headLink, e.getMessage());
            resign();
            delay = settings.leadershipRetry().toMillis();
        }
        if (running) {
            try {
                scheduler.schedule(this::tick, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // stopped while this tick ran
            }
        }
    }

    /** Takes the lock if free and loads the chain's state; false when another instance seals. */
    private boolean lead() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            boolean locked;
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, LOCK);
                try (ResultSet result = lock.executeQuery()) {
                    locked = result.next() && result.getBoolean(1);
                }
            }
            if (!locked) {
                connection.close();
                return false;
            }
            connection.setAutoCommit(false);
            leader = connection;
            loadState();
            connection.commit();
            log.info("sealing the event chain from link {} (global index {}); {} holes still open", headLink,
                    headGlobalIndex, openGaps.size());
            return true;
        } catch (SQLException | RuntimeException e) {
            leader = null;
            connection.close();
            throw e;
        }
    }

    private void loadState() throws SQLException {
        headLink = 0;
        headHash = ChainHash.GENESIS;
        headGlobalIndex = 0;
        try (PreparedStatement head = leader.prepareStatement(
                "SELECT link_number, hash, global_index FROM " + chain + " ORDER BY link_number DESC LIMIT 1");
             ResultSet row = head.executeQuery()) {
            if (row.next()) {
                headLink = row.getLong(1);
                headHash = row.getBytes(2);
                headGlobalIndex = row.getLong(3);
            }
        }
        frontier = single("SELECT coalesce(max(global_index), 0) FROM " + chain);
        openGaps.clear();
        Instant deadline = Instant.now().plus(settings.gapTimeout());
        // Holes above the last link sealed longer than the gap timeout ago may still fill: keep watching them.
        try (PreparedStatement holes = leader.prepareStatement("SELECT g FROM generate_series((SELECT coalesce("
                + "max(global_index), 0) FROM " + chain + " WHERE sealed_at <= now() - ?::interval) + 1, ?) g "
                + "WHERE NOT EXISTS (SELECT 1 FROM " + chain + " c WHERE c.global_index = g) ORDER BY g LIMIT ?")) {
            holes.setString(1, settings.gapTimeout().toMillis() + " milliseconds");
            holes.setLong(2, frontier);
            holes.setInt(3, settings.maxOpenGaps());
            try (ResultSet row = holes.executeQuery()) {
                while (row.next()) {
                    openGaps.put(row.getLong(1), deadline);
                }
            }
        }
        try (PreparedStatement last = leader.prepareStatement("SELECT link_number, recorded_at FROM "
                + schema + ".chain_checkpoint ORDER BY link_number DESC LIMIT 1");
             ResultSet row = last.executeQuery()) {
            lastCheckpointLink = row.next() ? row.getLong(1) : 0;
            lastCheckpointAt = lastCheckpointLink == 0 ? Instant.now() : row.getTimestamp(2).toInstant();
        }
        keyRegistered = false;
        nextSweep = Instant.MIN;
    }

    /** Seals one batch of events without a link; answers how many it read. */
    private int sealOnce() throws SQLException {
        Instant now = Instant.now();
        boolean sweep = !now.isBefore(nextSweep);
        List<StoredEvent> batch = unsealed(sweep ? -1 : floor());
        long firstLink = headLink + 1;
        byte[] hash = headHash;
        if (!batch.isEmpty()) {
            try (PreparedStatement insert = leader.prepareStatement("INSERT INTO " + chain + " (link_number, "
                    + "global_index, aggregate_identifier, sequence_number, previous_hash, hash) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")) {
                long link = headLink;
                for (StoredEvent event : batch) {
                    link++;
                    byte[] next = ChainHash.of(hash, link, event);
                    insert.setLong(1, link);
                    insert.setLong(2, event.globalIndex());
                    insert.setString(3, event.aggregateIdentifier());
                    insert.setLong(4, event.sequenceNumber());
                    insert.setBytes(5, hash);
                    insert.setBytes(6, next);
                    insert.addBatch();
                    hash = next;
                }
                insert.executeBatch();
            }
        }
        long lastLink = headLink + batch.size();
        long lastGlobalIndex = batch.isEmpty() ? headGlobalIndex : batch.getLast().globalIndex();
        boolean checkpoint = checkpointDue(lastLink, now);
        if (checkpoint) {
            writeCheckpoint(lastLink, lastGlobalIndex, hash);
        }
        leader.commit();

        headLink = lastLink;
        headHash = hash;
        headGlobalIndex = lastGlobalIndex;
        if (checkpoint) {
            lastCheckpointLink = lastLink;
            lastCheckpointAt = now;
        }
        track(batch, now);
        if (sweep && batch.size() < settings.batchSize()) {
            nextSweep = now.plus(settings.fullSweepInterval());
        }
        if (!batch.isEmpty()) {
            log.debug("sealed links {} to {}", firstLink, lastLink);
        }
        return batch.size();
    }

    /** Every index at or below it is sealed or a hole given up on. */
    private long floor() {
        return openGaps.isEmpty() ? frontier : openGaps.firstKey() - 1;
    }

    private List<StoredEvent> unsealed(long above) throws SQLException {
        List<StoredEvent> batch = new ArrayList<>();
        try (PreparedStatement query = leader.prepareStatement("SELECT " + StoredEventRows.COLUMNS + " FROM " + events
                + " e WHERE e.global_index > ? AND NOT EXISTS (SELECT 1 FROM " + chain + " c "
                // the bound, repeated inside, lets PostgreSQL walk both indexes from it instead of hashing the
                // whole chain on every poll (which grew with the history: 32 ms at 75,000 links, 0.6 ms with it)
                + "WHERE c.global_index = e.global_index AND c.global_index > ?) ORDER BY e.global_index LIMIT ?")) {
            query.setLong(1, above);
            query.setLong(2, above);
            query.setInt(3, settings.batchSize());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    batch.add(StoredEventRows.read(row));
                }
            }
        }
        return batch;
    }

    /** Moves the frontier, opens the holes it jumped over, closes those that filled or timed out. */
    private void track(List<StoredEvent> batch, Instant now) {
        Instant deadline = now.plus(settings.gapTimeout());
        for (StoredEvent event : batch) {
            long index = event.globalIndex();
            if (index > frontier) {
                for (long hole = frontier + 1; hole < index && openGaps.size() < settings.maxOpenGaps(); hole++) {
                    openGaps.put(hole, deadline);
                }
                frontier = index;
            } else if (openGaps.remove(index) == null) {
                log.info("sealed event at global index {} below the watched window, found by the full sweep", index);
            } else {
                log.info("sealed event at global index {}, which committed after later events", index);
            }
        }
        openGaps.values().removeIf(expiry -> expiry.isBefore(now));
    }

    private boolean checkpointDue(long lastLink, Instant now) {
        long since = lastLink - lastCheckpointLink;
        return signer.signs() && since > 0 && (since >= settings.checkpointEveryLinks()
                || !now.isBefore(lastCheckpointAt.plus(settings.checkpointInterval())));
    }

    private void writeCheckpoint(long link, long globalIndex, byte[] hash) throws SQLException {
        if (!keyRegistered) {
            try (PreparedStatement key = leader.prepareStatement("INSERT INTO " + schema + ".audit_signing_key "
                    + "(key_id, algorithm, public_key) VALUES (?, 'Ed25519', ?) ON CONFLICT (key_id) DO NOTHING")) {
                key.setString(1, signer.keyId());
                key.setBytes(2, signer.publicKey());
                key.executeUpdate();
            }
            keyRegistered = true;
        }
        CheckpointSigner.Signed signed = signer.sign(link, globalIndex, ChainHash.hex(hash)).orElseThrow();
        try (PreparedStatement insert = leader.prepareStatement("INSERT INTO " + schema + ".chain_checkpoint "
                + "(link_number, global_index, head_hash, recorded_at, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, link);
            insert.setLong(2, globalIndex);
            insert.setString(3, signed.statement().headHash());
            insert.setTimestamp(4, Timestamp.from(signed.statement().recordedAt()));
            insert.setString(5, signed.statement().keyId());
            insert.setBytes(6, signed.signature());
            insert.executeUpdate();
        }
        log.info("signed checkpoint at link {} (global index {}) with key {}", link, globalIndex, signer.keyId());
    }

    private long single(String sql) throws SQLException {
        try (PreparedStatement query = leader.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Gives up the lock by closing the connection that holds it. */
    private void resign() {
        Connection connection = leader;
        leader = null;
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the sealer's connection failed ({})", e.getMessage());
            }
        }
    }
}
