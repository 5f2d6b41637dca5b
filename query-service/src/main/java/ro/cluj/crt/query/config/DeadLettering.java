package ro.cluj.crt.query.config;

import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import ro.cluj.crt.query.deadletter.ParkingPolicy;
import ro.cluj.crt.query.deadletter.SavepointsAfterFailure;

/**
 * Poison events: each processing group with {@code dlq.enabled} parks an event its handlers cannot apply in Axon's
 * JDBC sequenced dead-letter queue (table {@code dead_letter_entry} of the query schema) and goes on with the other
 * aggregates. After a failure, event handlers run inside savepoints for a while ({@link SavepointsAfterFailure}), so
 * that a failed SQL statement neither aborts the batch's transaction (PostgreSQL refuses every later statement in it,
 * the parking included) nor leaves half its writes.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLettering {

    @Bean
    DeadLetterSchema deadLetterSchema(@Value("${crt.query.schema}") String schema) {
        return DeadLetterSchema.builder()
                .deadLetterTable(schema + ".dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * For every group that has a queue: the policy that records what went wrong without personal data, and a queue
     * that a rebuild empties (the rebuild tries every event again, so a letter kept would hold an event twice).
     */
    @Bean
    ConfigurerModule parkingPolicies(EventProcessorProperties processors, SavepointsAfterFailure savepoints) {
        return configurer -> processors.getProcessors().forEach((group, settings) -> {
            if (settings.getDlq().isEnabled()) {
                configurer.eventProcessing()
                        .registerDeadLetterPolicy(group, config -> new ParkingPolicy(group, savepoints))
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                                (config, invoker) -> cached(invoker.allowReset(true), settings));
            }
        });
    }

    /**
     * This configuration replaces the one Axon's auto-configuration registers from {@code dlq.cache}, so it carries
     * that cache on: without it, every event costs a query asking the queue whether its aggregate has a parked event.
     */
    private static DeadLetteringEventHandlerInvoker.Builder cached(
            DeadLetteringEventHandlerInvoker.Builder invoker, EventProcessorProperties.ProcessorSettings settings) {
        EventProcessorProperties.DlqCache cache = settings.getDlq().getCache();
        return cache.isEnabled()
                ? invoker.enableSequenceIdentifierCache().sequenceIdentifierCacheSize(cache.getSize()) : invoker;
    }

    @Bean
    SavepointsAfterFailure savepointsAfterFailure(EventProcessorProperties processors,
                                                  PlatformTransactionManager transactions) {
        Set<String> parking = new TreeSet<>();
        processors.getProcessors().forEach((group, settings) -> {
            if (settings.getDlq().isEnabled()) {
                parking.add(group);
            }
        });
        return new SavepointsAfterFailure(parking, transactions);
    }
}
