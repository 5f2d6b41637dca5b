package ro.cluj.crt.query.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.support.web.ConflictException;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * Shadow replays: one processing group's view rebuilt from the first event into a schema of its own by a processor of
 * its own, while the live view keeps serving; then compared with the live view, switched in, or dropped. The copy's
 * tables and token live in the database, so a replay stopped (or cut off by a restart) resumes where it was.
 */
@Service
public class Replays {

    static final String SCHEMA_PREFIX = "crt_replay_";
    static final String PROCESSOR_PREFIX = "replay-";
    private static final Logger log = LoggerFactory.getLogger(Replays.class);

    private final Map<String, Replay> running = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Configuration axon;
    private final EventProcessingConfiguration processing;
    private final ProjectionPositions positions;
    private final ReplayDigests digests;
    private final TokenStore tokens;
    private final TransactionManager axonTransactions;
    private final String liveSchema;
    private final String eventSchema;
    private final long claimExtensionThreshold;

    Replays(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions, Configuration axon,
            EventProcessingConfiguration processing, TokenStore tokens, TransactionManager axonTransactions,
            ProjectionPositions positions, ReplayDigests digests, @Value("${crt.query.schema}") String liveSchema,
            @Value("${crt.event-store.schema}") String eventSchema,
            @Value("${crt.query.claim-extension-threshold-ms:500}") long claimExtensionThreshold) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.axon = axon;
        this.processing = processing;
        this.positions = positions;
        this.digests = digests;
        this.tokens = tokens;
        this.axonTransactions = axonTransactions;
        this.liveSchema = liveSchema;
        this.eventSchema = eventSchema;
        this.claimExtensionThreshold = claimExtensionThreshold;
    }

    /** Creates the group's empty copy and starts filling it from the first event. */
    public synchronized ReplayProgress start(String group) {
        ReplayableViews.View view = view(group);
        if (exists(group)) {
            throw new ConflictException("replaying", "a replay of this view exists; discard or switch it first");
        }
        transaction.executeWithoutResult(status -> {
            jdbc.execute("CREATE SCHEMA " + schema(group));
            for (String table : view.tables()) {
                jdbc.execute("CREATE TABLE %s.%s (LIKE %s.%s INCLUDING ALL)"
                        .formatted(schema(group), table, liveSchema, table));
            }
            jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", processor(group));
        });
        Replay replay = launch(view);
        log.atInfo().setMessage("replay started").addKeyValue("group", group)
                .addKeyValue("processor", processor(group)).log();
        return progress(group, replay);
    }

    /** Where the replay stands: events done of all, rate and time left. */
    public ReplayProgress progress(String group) {
        view(group);
        if (!exists(group)) {
            throw new NotFoundException("no replay of this view");
        }
        return progress(group, running.get(group));
    }

    /** Stops the replay's processor; its copy and token stay, so {@link #resume} continues from there. */
    public synchronized ReplayProgress stop(String group) {
        ReplayProgress current = progress(group);
        Replay replay = running.get(group);
        if (replay != null && replay.processor().isRunning()) {
            replay.processor().shutDown();
            log.atInfo().setMessage("replay stopped").addKeyValue("group", group)
                    .addKeyValue("position", current.position()).log();
        }
        return progress(group);
    }

    /** Starts the replay's processor again from its stored token. */
    public synchronized ReplayProgress resume(String group) {
        ReplayProgress current = progress(group);
        Replay replay = running.get(group);
        if (replay == null) {
            launch(view(group));
        } else if (!replay.processor().isRunning()) {
            running.put(group, replay.restarted(done(current)));
            replay.processor().start();
        }
        log.atInfo().setMessage("replay resumed").addKeyValue("group", group)
                .addKeyValue("position", current.position()).log();
        return progress(group);
    }

    /** The copy beside the live view, table by table, at one moment of both (see {@link ReplayDigests}). */
    public ReplayComparison compare(String group) {
        ReplayableViews.View view = view(group);
        progress(group);
        return digests.compare(group, view.tables(), liveSchema, schema(group), processor(group));
    }

    /**
     * Puts the copy in place of the live view: both processors stop, then one transaction replaces the live rows with
     * the copy's and sets the live processor's tokens to the copy's, and drops the copy. A read sees the view either
     * before or after, never between. The live processor then carries on from the copy's position.
     */
    public synchronized ReplayComparison.Switched switchOver(String group) {
        ReplayableViews.View view = view(group);
        progress(group);
        StreamingEventProcessor live = processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("no live processor for this view"));
        halt(group);
        long copyPosition = positions.position(processor(group));
        live.shutDown();
        try {
            transaction.executeWithoutResult(status -> {
                // the live tokens first: a batch of another instance then either committed before, or fails to store
                // its token (its claim is gone) and rolls back with its writes
                jdbc.queryForList("SELECT segment FROM token_entry WHERE processor_name = ? FOR UPDATE",
                        Integer.class, group);
                for (String table : view.tables()) {
                    jdbc.update("DELETE FROM %s.%s".formatted(liveSchema, table));
                    jdbc.update("INSERT INTO %s.%s SELECT * FROM %s.%s"
                            .formatted(liveSchema, table, schema(group), table));
                }
                int moved = jdbc.update("""
                        UPDATE token_entry live SET token = copy.token, token_type = copy.token_type, owner = NULL
                        FROM token_entry copy
                        WHERE live.processor_name = ? AND copy.processor_name = ? AND copy.segment = 0""",
                        group, processor(group));
                if (moved == 0) {
                    throw new ConflictException("no-position", "the copy or the live view has no position yet");
                }
                dropCopy(group);
            });
        } finally {
            live.start();
        }
        log.atInfo().setMessage("replay switched in").addKeyValue("group", group)
                .addKeyValue("position", copyPosition).log();
        return new ReplayComparison.Switched(group, copyPosition);
    }

    /** Stops the replay and drops its copy and token. */
    public synchronized void discard(String group) {
        view(group);
        if (!exists(group) && !running.containsKey(group)) {
            throw new NotFoundException("no replay of this view");
        }
        halt(group);
        transaction.executeWithoutResult(status -> dropCopy(group));
        log.atInfo().setMessage("replay discarded").addKeyValue("group", group).log();
    }

    /** Every replay that has a copy, with its progress. */
    public List<ReplayProgress> all() {
        List<ReplayProgress> all = new ArrayList<>();
        for (String schema : jdbc.queryForList(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'crt\\_replay\\_%' ORDER BY nspname",
                String.class)) {
            String group = schema.substring(SCHEMA_PREFIX.length());
            if (ReplayableViews.of(group).isPresent()) {
                all.add(progress(group));
            }
        }
        return all;
    }

    private Replay launch(ReplayableViews.View view) {
        String group = view.group();
        JdbcTemplate copy = new JdbcTemplate(new ReplaySchemaDataSource(dataSource, schema(group)));
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("replay-" + group + "-coordinator").daemon().factory());
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("replay-" + group + "-worker").daemon().factory());
        // one segment: events in the order of the history, which the editions need, and one token to copy over
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(processor(group))
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(view.handlers().apply(copy))
                        .parameterResolverFactory(axon.parameterResolverFactory())
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(axon.eventStore())
                .tokenStore(tokens)
                .transactionManager(axonTransactions)
                .coordinatorExecutor(coordinator)
                .workerExecutor(worker)
                .initialSegmentCount(1)
                .initialToken(StreamableMessageSource::createTailToken)
                .claimExtensionThreshold(claimExtensionThreshold)
                .batchSize(100)
                .build();
        Replay replay = new Replay(processor, List.of(coordinator, worker), System.nanoTime(),
                done(progress(group, null)));
        running.put(group, replay);
        processor.start();
        return replay;
    }

    private void halt(String group) {
        Replay replay = running.remove(group);
        if (replay != null) {
            replay.processor().shutDown();
            replay.executors().forEach(ExecutorService::shutdownNow);
        }
    }

    private void dropCopy(String group) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + schema(group) + " CASCADE");
        jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", processor(group));
    }

    private ReplayProgress progress(String group, Replay replay) {
        long position = positions.position(processor(group));
        Map<String, Object> counts = jdbc.queryForMap("""
                SELECT count(*) FILTER (WHERE global_index <= ?) AS done, count(*) AS total,
                       coalesce(max(global_index), -1) AS head
                FROM %s.domain_event_entry""".formatted(eventSchema), position);
        return ReplayProgress.of(group, replay != null && replay.processor().isRunning(), position,
                ((Number) counts.get("head")).longValue(), ((Number) counts.get("done")).longValue(),
                ((Number) counts.get("total")).longValue(), replay);
    }

    private boolean exists(String group) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)", Boolean.class, schema(group)));
    }

    private static long done(ReplayProgress progress) {
        return progress.eventsDone();
    }

    private static ReplayableViews.View view(String group) {
        return ReplayableViews.of(group).orElseThrow(() -> new NotFoundException("no projection with this name"));
    }

    static String schema(String group) {
        return SCHEMA_PREFIX + group;
    }

    static String processor(String group) {
        return PROCESSOR_PREFIX + group;
    }

    /** A replay's processor in this instance, with when it last (re)started and how far it was then. */
    record Replay(PooledStreamingEventProcessor processor, List<ExecutorService> executors, long startedNanos,
                  long doneAtStart) {

        Replay restarted(long done) {
            return new Replay(processor, executors, System.nanoTime(), done);
        }
    }
}
