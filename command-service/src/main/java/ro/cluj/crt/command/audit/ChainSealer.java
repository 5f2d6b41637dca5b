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
 * order and rolled-back transactions leave holes that never fill. The sealer keeps a frontier, the highest index it
 * has sealed: nothing above it has a link, so each poll reads the events above it in index order, with no need to
 * look at the chain. Each index it jumps over is a hole, watched for {@code gapTimeout}: every poll looks up the
 * watched holes by index, and an event that commits into one is sealed then, as a new link at the head naming its
 * own index. After the timeout the hole is no longer watched; a sweep of the table up to the frontier (at start and
 * every {@code fullSweepInterval}) still seals anything that arrives there later, walking {@link #SWEEP_SPAN} indexes
 * per poll, so that no poll grows with the history. The unique index on {@code global_index} makes a second link for
 * one event impossible.
 *
 * <p>The chain is kept by the sealer alone: links are numbered without gaps and each hashes the previous one
 * ({@link ChainHash}). Links and a due checkpoint are written in one transaction. Any failure drops the connection
 * (and with it the lock); the next attempt reloads the head from the database. Logs name positions and link
 * numbers only.
 */
final class ChainSealer implements SmartLifecycle {

    /** The advisory lock key: the ASCII of "crt_seal". */
    static final long LOCK = 0x6372745f7365616cL;
    /** How many indexes one poll of a sweep walks. */
    static final long SWEEP_SPAN = 50_000;
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
    /** Where a sweep in progress has reached (everything at or below is sealed or a hole); -1 when none runs. */
    private long sweptTo = -1;
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
            // published at once, so that auditors can pin it before the first checkpoint is signed
            registerKey();
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
        sweptTo = -1;
    }

    /** Seals one batch of events without a link; answers how many it read. */
    private int sealOnce() throws SQLException {
        Instant now = Instant.now();
        if (sweptTo < 0 && !now.isBefore(nextSweep)) {
            sweptTo = 0;
        }
        // by global index: a sweep may meet an event that also fills a watched hole
        TreeMap<Long, StoredEvent> found = new TreeMap<>();
        long sweepEnd = Math.min(frontier, sweptTo + SWEEP_SPAN);
        boolean sweepChunkDone = true;
        if (sweptTo >= 0) {
            List<StoredEvent> swept = unsealed(sweptTo, sweepEnd, settings.batchSize());
            sweepChunkDone = swept.size() < settings.batchSize();
            if (!sweepChunkDone) {
                sweepEnd = swept.getLast().globalIndex();
            }
            swept.forEach(event -> found.put(event.globalIndex(), event));
        }
        lateArrivals().forEach(event -> found.put(event.globalIndex(), event));
        newEvents(settings.batchSize() - found.size()).forEach(event -> found.put(event.globalIndex(), event));
        List<StoredEvent> batch = List.copyOf(found.values());
        long firstLink = headLink + 1;
        byte[] hash = headHash;
        if (!batch.isEmpty()) {
            int size = batch.size();
            Long[] links = new Long[size];
            Long[] indexes = new Long[size];
            String[] aggregates = new String[size];
            Long[] sequences = new Long[size];
            byte[][] previous = new byte[size][];
            byte[][] hashes = new byte[size][];
            for (int i = 0; i < size; i++) {
                StoredEvent event = batch.get(i);
                links[i] = headLink + i + 1;
                indexes[i] = event.globalIndex();
                aggregates[i] = event.aggregateIdentifier();
                sequences[i] = event.sequenceNumber();
                previous[i] = hash;
                hash = ChainHash.of(hash, links[i], event);
                hashes[i] = hash;
            }
            // one statement for the whole batch: a fraction of the server's work for as many single-row inserts
            try (PreparedStatement insert = leader.prepareStatement("INSERT INTO " + chain + " (link_number, "
                    + "global_index, aggregate_identifier, sequence_number, previous_hash, hash) "
                    + "SELECT * FROM unnest(?, ?, ?, ?, ?, ?)")) {
                insert.setArray(1, leader.createArrayOf("bigint", links));
                insert.setArray(2, leader.createArrayOf("bigint", indexes));
                insert.setArray(3, leader.createArrayOf("varchar", aggregates));
                insert.setArray(4, leader.createArrayOf("bigint", sequences));
                insert.setArray(5, leader.createArrayOf("bytea", previous));
                insert.setArray(6, leader.createArrayOf("bytea", hashes));
                insert.executeUpdate();
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
        if (sweptTo >= 0) {
            sweptTo = sweepEnd;
            if (sweepChunkDone && sweepEnd >= frontier) {
                sweptTo = -1;
                nextSweep = now.plus(settings.fullSweepInterval());
            }
        }
        if (!batch.isEmpty()) {
            log.debug("sealed links {} to {}", firstLink, lastLink);
        }
        return batch.size();
    }

    /** Events above the frontier (none of them has a link yet), in index order; at most {@code limit}. */
    private List<StoredEvent> newEvents(int limit) throws SQLException {
        if (limit <= 0) {
            return List.of();
        }
        return read("SELECT " + StoredEventRows.COLUMNS + " FROM " + events + " WHERE global_index > ? "
                + "ORDER BY global_index LIMIT ?", query -> {
                    query.setLong(1, frontier);
                    query.setInt(2, limit);
                });
    }

    /** Events that committed into a watched hole since the last poll: looked up by index, one probe per hole. */
    private List<StoredEvent> lateArrivals() throws SQLException {
        if (openGaps.isEmpty()) {
            return List.of();
        }
        Long[] holes = openGaps.keySet().toArray(Long[]::new);
        return read("SELECT " + StoredEventRows.COLUMNS + " FROM " + events + " WHERE global_index = ANY (?)",
                query -> query.setArray(1, leader.createArrayOf("bigint", holes)));
    }

    /**
     * Events without a link above {@code from} and at most {@code to}, in index order; at most {@code limit}. The
     * bounds, repeated inside the anti-join, let PostgreSQL walk both indexes from them instead of the whole chain.
     */
    private List<StoredEvent> unsealed(long from, long to, int limit) throws SQLException {
        if (from >= to) {
            return List.of();
        }
        return read("SELECT " + StoredEventRows.COLUMNS + " FROM " + events + " e WHERE e.global_index > ? "
                + "AND e.global_index <= ? AND NOT EXISTS (SELECT 1 FROM " + chain + " c WHERE c.global_index = "
                + "e.global_index AND c.global_index > ? AND c.global_index <= ?) ORDER BY e.global_index LIMIT ?",
                query -> {
                    query.setLong(1, from);
                    query.setLong(2, to);
                    query.setLong(3, from);
                    query.setLong(4, to);
                    query.setInt(5, limit);
                });
    }

    private List<StoredEvent> read(String sql, Parameters parameters) throws SQLException {
        List<StoredEvent> found = new ArrayList<>();
        try (PreparedStatement query = leader.prepareStatement(sql)) {
            parameters.set(query);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    found.add(StoredEventRows.read(row));
                }
            }
        }
        return found;
    }

    private interface Parameters {
        void set(PreparedStatement query) throws SQLException;
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

    /** Lists the signing key's public half in {@code audit_signing_key}, once per leadership. */
    private void registerKey() throws SQLException {
        if (keyRegistered || !signer.signs()) {
            return;
        }
        try (PreparedStatement key = leader.prepareStatement("INSERT INTO " + schema + ".audit_signing_key "
                + "(key_id, algorithm, public_key) VALUES (?, 'Ed25519', ?) ON CONFLICT (key_id) DO NOTHING")) {
            key.setString(1, signer.keyId());
            key.setBytes(2, signer.publicKey());
            key.executeUpdate();
        }
        keyRegistered = true;
    }

    private void writeCheckpoint(long link, long globalIndex, byte[] hash) throws SQLException {
        registerKey();
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
