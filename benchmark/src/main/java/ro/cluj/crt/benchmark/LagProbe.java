package ro.cluj.crt.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The projection lag under a steady write load: progress reports sent at a fixed rate through the command gateway,
 * each awaited, and for each the time from the gateway's answer (the events are committed) until the query side
 * shows it, in two ways: the commitment's row in the dashboard view carries the report (the view has it), and the
 * commitments processor's position, as read-your-writes reads ({@code minPosition}) check it, covers the report's
 * global index (the read API may answer with it). Beside it, in the same run and at the same rate, the time of one
 * commit round trip: a plain JDBC insert of an event-sized row, autocommit.
 */
final class LagProbe {

    private static final String DASHBOARD = "SELECT commitment_id, last_sequence FROM crt_query.commitment_dashboard"
            + " WHERE commitment_id = ANY (?)";
    private static final String POSITION = "SELECT global_index FROM " + BenchDatabase.EVENT_TABLE
            + " WHERE aggregate_identifier = ? AND sequence_number = ?";
    private static final Duration POLL = Duration.ofMillis(2);
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final CommitmentSeeder seeder;
    private final List<String> targets;
    private final LongSupplier position;
    private final Operation commit;
    private final String url;

    /**
     * @param targets  open commitments the reports go to, in turn (spread over the processor's segments)
     * @param position the commitments processor's position as {@code ProjectionPositions.position} reads it
     * @param commit   one autocommitted insert of an event-sized row
     */
    LagProbe(CommitmentSeeder seeder, List<String> targets, LongSupplier position, Operation commit, String url) {
        this.seeder = seeder;
        this.targets = targets;
        this.position = position;
        this.commit = commit;
        this.url = url;
    }

    /** The figures of one run: lags and commit round trips, in nanoseconds. */
    record Result(Latencies view, Latencies readable, Latencies commits, int writes, double rate, Duration length,
                  Latencies commands) {
    }

    /** One report: its commitment, sequence and global index, and when its command was answered. */
    private static final class Write {
        final String commitmentId;
        final long sequence;
        final long answered;
        volatile long index = -1;
        long view = -1;
        long readable = -1;

        Write(String commitmentId, long sequence, long answered) {
            this.commitmentId = commitmentId;
            this.sequence = sequence;
            this.answered = answered;
        }
    }

    Result measure(double perSecond, Duration length) throws Exception {
        ConcurrentLinkedQueue<Write> sent = new ConcurrentLinkedQueue<>();
        List<Write> all = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread watcher = Thread.ofPlatform().name("lag-watcher").start(() -> watch(sent, writing));
        long period = (long) (1e9 / perSecond);
        List<Long> commits = new ArrayList<>();
        List<Long> commands = new ArrayList<>();
        Map<String, Long> sequences = new HashMap<>();
        long began = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, BenchDatabase.USER, "");
             PreparedStatement lookUp = connection.prepareStatement(POSITION)) {
            for (int n = 0; System.nanoTime() - began < length.toNanos(); n++) {
                sleepUntil(began + n * period);
                String target = targets.get(n % targets.size());
                long sequence = sequences.merge(target, 1L, Long::sum);
                long start = System.nanoTime();
                seeder.reportProgress(target, sequence);
                long answered = System.nanoTime();
                commands.add(answered - start);
                Write write = new Write(target, sequence, answered);
                all.add(write);
                sent.add(write);
                write.index = indexOf(lookUp, target, sequence);
                sleepUntil(began + n * period + period / 2);
                long insert = System.nanoTime();
                commit.perform();
                commits.add(System.nanoTime() - insert);
            }
        } finally {
            writing.set(false);
            watcher.join(DRAIN.toMillis() + 5_000);
        }
        long took = System.nanoTime() - began;
        if (all.stream().anyMatch(write -> write.view < 0 || write.readable < 0)) {
            throw new IllegalStateException("the query side did not show every report within " + DRAIN);
        }
        return new Result(new Latencies(all.stream().mapToLong(w -> w.view - w.answered).toArray()),
                new Latencies(all.stream().mapToLong(w -> w.readable - w.answered).toArray()),
                new Latencies(commits.stream().mapToLong(Long::longValue).toArray()), all.size(),
                all.size() / (took / 1e9), Duration.ofNanos(took),
                new Latencies(commands.stream().mapToLong(Long::longValue).toArray()));
    }

    /** Polls the view and the position every {@link #POLL} until every report sent shows in both. */
    private void watch(ConcurrentLinkedQueue<Write> sent, AtomicBoolean writing) {
        List<Write> pending = new ArrayList<>();
        long drainEnds = Long.MAX_VALUE;
        try (Connection connection = DriverManager.getConnection(url, BenchDatabase.USER, "");
             PreparedStatement rows = connection.prepareStatement(DASHBOARD)) {
            while (true) {
                for (Write write; (write = sent.poll()) != null; ) {
                    pending.add(write);
                }
                if (!writing.get() && drainEnds == Long.MAX_VALUE) {
                    drainEnds = System.nanoTime() + DRAIN.toNanos();
                }
                if ((!writing.get() && pending.isEmpty() && sent.isEmpty()) || System.nanoTime() > drainEnds) {
                    return;
                }
                if (!pending.isEmpty()) {
                    check(pending, rows);
                }
                Thread.sleep(POLL);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException("the lag watcher failed", e);
        }
    }

    private void check(List<Write> pending, PreparedStatement rows) throws SQLException {
        long reached = position.getAsLong();
        Map<String, Long> shown = new HashMap<>();
        Array ids = rows.getConnection().createArrayOf("varchar",
                pending.stream().map(write -> write.commitmentId).distinct().toArray());
        rows.setArray(1, ids);
        try (ResultSet found = rows.executeQuery()) {
            while (found.next()) {
                shown.put(found.getString(1), found.getLong(2));
            }
        }
        long now = System.nanoTime();
        for (Iterator<Write> it = pending.iterator(); it.hasNext(); ) {
            Write write = it.next();
            if (write.view < 0 && shown.getOrDefault(write.commitmentId, -1L) >= write.sequence) {
                write.view = now;
            }
            if (write.readable < 0 && write.index >= 0 && reached >= write.index) {
                write.readable = now;
            }
            if (write.view >= 0 && write.readable >= 0) {
                it.remove();
            }
        }
    }

    private static long indexOf(PreparedStatement lookUp, String commitmentId, long sequence) throws SQLException {
        lookUp.setString(1, commitmentId);
        lookUp.setLong(2, sequence);
        try (ResultSet row = lookUp.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("report " + sequence + " of " + commitmentId + " is not in the store");
            }
            return row.getLong(1);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }
}
