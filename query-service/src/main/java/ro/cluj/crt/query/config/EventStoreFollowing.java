package ro.cluj.crt.query.config;

import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the query side reads the shared event store (which the command side owns and creates) and where it keeps its
 * processors' tokens (its own schema).
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreFollowing {

    @Bean
    GapPatience gapPatience(@Value("${crt.query.gap-timeout:60s}") Duration gapTimeout,
                            @Value("${crt.query.max-gap-offset:1000000}") int maxGapOffset,
                            @Value("${crt.event-store.schema}") String eventStoreSchema) {
        return new GapPatience(gapTimeout, maxGapOffset, eventStoreSchema);
    }

    /**
     * Refuses to start when the store is there and allows appends to commit later than the gap timeout can wait for
     * ({@link GapPatience}); a store created later is checked when it appears.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer events,
                                          PersistenceExceptionResolver resolver, ConnectionProvider connections,
                                          TransactionManager transactions, EventSchema schema, GapPatience patience,
                                          org.axonframework.config.Configuration configuration,
                                          @Value("${crt.query.read-batch-size:1000}") int readBatchSize) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(events)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(resolver)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .gapTimeout(patience.gapTimeoutMillis())
                .maxGapOffset(patience.maxGapOffset())
                .batchSize(readBatchSize)
                .build();
        AwaitingEventStore store = new AwaitingEventStore(engine, connections, schema, patience);
        store.checkIfPresent();
        return store;
    }

    /**
     * The store as Axon's Spring Boot configuration makes it, but asking the database for new events every
     * {@code crt.query.fetch-delay} once it has read them all. Events are appended by the command service, so a wait
     * is never cut short by an append here: the default second was most of the lag between a command's answer and
     * the views showing it. An empty look-up is one index probe; at 50 ms, twenty a second.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration configuration,
                                  @Value("${crt.query.fetch-delay:50ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    @Bean
    TokenSchema tokenSchema(@Value("${crt.query.schema}") String schema) {
        return TokenSchema.builder()
                .setTokenTable(schema + ".token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }
}
