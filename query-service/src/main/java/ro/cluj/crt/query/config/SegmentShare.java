package ro.cluj.crt.query.config;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits every pooled processor's segments evenly between the query-service instances that are alive, so that a
 * second instance gets work instead of idling while the first holds every claim. Axon's coordinator asks this share
 * before it claims and releases what it holds beyond it; the other instance claims what was released.
 * <p>
 * Each instance stamps its row in {@code processing_node} every {@code heartbeat} (with the database's clock, so that
 * the hosts' clocks do not matter) and removes it when it stops; a row older than {@code nodeTimeout} is an instance
 * that died. Its segments' claims then time out in the token store, and the survivors' share grows to cover them.
 * The coordinator asks often, so the answer comes from counts the heartbeat refreshes, never from a query of its own.
 */
final class SegmentShare implements MaxSegmentProvider, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SegmentShare.class);
    /** Rows of instances that died are deleted once they have not been stamped for this long. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final Duration nodeTimeout;
    private final ScheduledExecutorService heartbeat;
    private final Map<String, Integer> segments = new ConcurrentHashMap<>();
    private volatile int liveNodes = 1;

    /** An instance named as Axon's token store names it by default: the JVM's {@code pid@host}. */
    SegmentShare(JdbcTemplate jdbc, Duration interval, Duration nodeTimeout) {
        this(jdbc, ManagementFactory.getRuntimeMXBean().getName(), interval, nodeTimeout);
    }

    SegmentShare(JdbcTemplate jdbc, String nodeId, Duration interval, Duration nodeTimeout) {
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.nodeTimeout = nodeTimeout;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("segment-share").factory());
        heartbeat.scheduleWithFixedDelay(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** This instance's share of the processor's segments: all of them until it knows how many there are. */
    @Override
    public int getMaxSegments(String processor) {
        Integer total = segments.get(processor);
        return total == null || total == 0 ? Short.MAX_VALUE : Math.ceilDivExact(total, liveNodes);
    }

    private void beat() {
        try {
            jdbc.update("INSERT INTO processing_node (node_id, seen_at) VALUES (?, now()) "
                    + "ON CONFLICT (node_id) DO UPDATE SET seen_at = now()", nodeId);
            jdbc.update("DELETE FROM processing_node WHERE seen_at < now() - make_interval(secs => ?)",
                    (double) FORGET_AFTER.toSeconds());
            Integer live = jdbc.queryForObject("SELECT count(*) FROM processing_node "
                    + "WHERE seen_at > now() - make_interval(secs => ?)", Integer.class,
                    nodeTimeout.toMillis() / 1000.0);
            List<Map<String, Object>> counts = jdbc.queryForList(
                    "SELECT processor_name, count(*) AS segments FROM token_entry GROUP BY processor_name");
            counts.forEach(row -> segments.put((String) row.get("processor_name"),
                    ((Number) row.get("segments")).intValue()));
            int now = Math.max(1, live == null ? 1 : live);
            if (now != liveNodes) {
                log.info("Query-service instances processing events: {} (this one: {})", now, nodeId);
            }
            liveNodes = now;
        } catch (DataAccessException e) {
            // the share stays as it was; a database that is away stops the processors' claims anyway
            log.warn("Could not record this instance ({}) as processing events: {}", nodeId, e.getMessage());
        }
    }

    /** Leaves the count at once, so that the others take over this instance's segments without waiting. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            jdbc.update("DELETE FROM processing_node WHERE node_id = ?", nodeId);
        } catch (DataAccessException e) {
            log.warn("Could not remove this instance ({}) from the processing nodes: {}", nodeId, e.getMessage());
        }
    }
}
