package ro.cluj.crt.command.config;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import ro.cluj.crt.command.write.FreshIds;

/**
 * Axon's embedded event store, except that an aggregate whose id this instance has just drawn ({@link FreshIds}) is
 * known to have no history: its creating command appends without first reading a snapshot and the events, two
 * database round trips of the four a create costs otherwise.
 */
final class FreshAwareEventStore extends EmbeddedEventStore {

    private final FreshIds fresh;

    FreshAwareEventStore(Builder builder, FreshIds fresh) {
        super(builder);
        this.fresh = fresh;
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return fresh.claim(aggregateIdentifier) ? DomainEventStream.empty() : super.readEvents(aggregateIdentifier);
    }
}
