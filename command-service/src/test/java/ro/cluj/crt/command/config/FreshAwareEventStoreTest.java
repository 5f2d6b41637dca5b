package ro.cluj.crt.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ro.cluj.crt.command.write.FreshIds;

class FreshAwareEventStoreTest {

    private final FreshIds fresh = new FreshIds();
    private final FreshAwareEventStore store = new FreshAwareEventStore(
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()), fresh);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aDrawnIdIsReadAsEmptyOnceAndFromTheStoreAfterThat() {
        String id = fresh.draw();
        assertThat(store.readEvents(id).asStream()).isEmpty();

        store.publish(event(id, 0));
        assertThat(store.readEvents(id).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .isEqualTo(List.of(0L));
        assertThat(fresh.claim(id)).as("claimed once only").isFalse();
    }

    @Test
    void anIdDrawnElsewhereIsReadFromTheStore() {
        String id = new FreshIds().draw();
        store.publish(event(id, 0), event(id, 1));

        assertThat(store.readEvents(id).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .isEqualTo(List.of(0L, 1L));
    }

    private static DomainEventMessage<String> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Interview", aggregateId, sequence, "payload " + sequence);
    }
}
