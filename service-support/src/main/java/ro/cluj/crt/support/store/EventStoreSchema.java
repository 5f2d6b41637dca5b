package ro.cluj.crt.support.store;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store both services share: Axon's JDBC engine on the snake_case tables that the command service's
 * migrations create in schema {@code crt.event-store.schema}. Axon's auto-configuration builds the engine from these.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreSchema {

    public static final String DEFAULT_SCHEMA = "event_store";

    @Bean
    EventSchema eventSchema(@Value("${crt.event-store.schema:" + DEFAULT_SCHEMA + "}") String schema) {
        return EventSchema.builder()
                .eventTable(schema + ".domain_event_entry")
                .snapshotTable(schema + ".snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    @Bean
    CorrelationDataProvider eventOriginProvider() {
        return new EventOriginProvider();
    }
}
