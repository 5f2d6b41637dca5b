package ro.cluj.crt.command.commitment;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Snapshots of commitments. A commitment followed for years collects hundreds of progress reports, reviews and
 * milestones, and without a snapshot every command on it reads all of them again. After more than
 * {@code crt.snapshots.commitment-after-events} events read since the last snapshot (0 turns snapshots off), the
 * state is stored in {@code snapshot_event_entry} with the storage serializer, after the command's transaction,
 * by a thread of its own: the request that triggered it has answered and given back its connection by then, so
 * snapshots never hold a request's database connection while asking for another (which, with every connection of
 * the pool held by requests queued behind one commitment's lock, stalled the service until the pool's timeout), and
 * a snapshot that waits for another instance's snapshot of the same commitment delays nobody.
 *
 * <p>A snapshot is a cache, never a fact: the events stay the history, the audit chain covers only them, and a
 * snapshot that does not have the aggregate's current stored revision is ignored, so that a change of the
 * aggregate's fields (with a new {@code @EventRevision} on {@link Commitment}) falls back to the events.
 */
@Configuration(proxyBeanMethods = false)
class CommitmentSnapshots {

    static final String TRIGGER = "commitmentSnapshotTrigger";
    static final String FILTER = "commitmentSnapshotFilter";
    private static final Logger log = LoggerFactory.getLogger(CommitmentSnapshots.class);

    /** Axon's snapshotter as Axon's configuration builds it, but working on {@link #executor} instead of the caller. */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory, SnapshotThread thread) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(thread.executor)
                .build();
    }

    /** The one thread that takes snapshots, stopped with the service; a snapshot not yet taken is simply skipped. */
    @Component
    static class SnapshotThread implements DisposableBean {

        private final ExecutorService executor = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("snapshotter").daemon().factory());

        @Override
        public void destroy() {
            executor.shutdownNow();
        }
    }

    @Bean(TRIGGER)
    SnapshotTriggerDefinition commitmentSnapshotTrigger(Snapshotter snapshotter,
                                                        @Value("${crt.snapshots.commitment-after-events:25}")
                                                        int afterEvents) {
        if (afterEvents < 0) {
            throw new IllegalArgumentException("crt.snapshots.commitment-after-events must be 0 (off) or more");
        }
        if (afterEvents == 0) {
            log.info("snapshots of commitments are off");
            return NoSnapshotTriggerDefinition.INSTANCE;
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, afterEvents);
    }

    /** Only snapshots of the current stored revision of a commitment; anything else is rebuilt from events. */
    @Bean(FILTER)
    SnapshotFilter commitmentSnapshotFilter(RevisionResolver revisions) {
        String type = Commitment.class.getName();
        String revision = revisions.revisionOf(Commitment.class);
        return snapshot -> type.equals(snapshot.getPayload().getType().getName())
                && Objects.equals(revision, snapshot.getPayload().getType().getRevision());
    }
}
