package ro.cluj.crt.query.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as the query side sees it: while the command side has not yet created the store, it reads as an
 * empty store instead of failing, so that the query side can start first and follow as soon as events exist. The
 * store counts as there once it has its append time limit, and is followed only when the gap timeout is more than
 * twice that limit ({@link GapPatience}).
 */
final class AwaitingEventStore implements EventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(AwaitingEventStore.class);

    private final EventStorageEngine delegate;
    private final ConnectionProvider connections;
    private final String table;
    private final GapPatience patience;
    private volatile boolean exists;
    private volatile boolean toldWaiting;

    AwaitingEventStore(EventStorageEngine delegate, ConnectionProvider connections, EventSchema schema,
                       GapPatience patience) {
        this.delegate = delegate;
        this.connections = connections;
        this.table = schema.domainEventTable();
        this.patience = patience;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return storeExists() ? delegate.readEvents(trackingToken, mayBlock) : Stream.empty();
    }

    @Override
    public TrackingToken createTailToken() {
        return storeExists() ? delegate.createTailToken() : null;
    }

    @Override
    public TrackingToken createHeadToken() {
        return storeExists() ? delegate.createHeadToken() : null;
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storeExists() ? delegate.createTokenAt(dateTime) : null;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    private boolean storeExists() {
        if (exists) {
            return true;
        }
        try (Connection connection = connections.getConnection()) {
            exists = tableExists(connection) && patience.allowsStoreOf(connection);
        } catch (SQLException e) {
            log.warn("cannot check whether the event store {} exists yet", table, e);
            return false;
        }
        if (!exists && !toldWaiting) {
            toldWaiting = true;
            log.info("the event store {} does not exist yet, or has no append time limit yet; following it once the "
                    + "command service has created and migrated it", table);
        }
        return exists;
    }

    private boolean tableExists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Checks the store at once when it is there, so that a service configured against it refuses to start. */
    void checkIfPresent() {
        storeExists();
    }
}
