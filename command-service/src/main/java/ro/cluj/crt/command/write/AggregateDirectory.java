package ro.cluj.crt.command.write;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ro.cluj.crt.events.Identifiers;

/**
 * Tells whether an aggregate exists and of which type, from the event store. Aggregates are never deleted and never
 * change type, so an answer that one exists stays true: such answers are remembered (most writes name an aggregate
 * that a recent write named too, such as the organisation of an interview), and only those read outside a
 * transaction, which see committed events only. That one does not exist is always asked anew.
 */
@Component
public class AggregateDirectory {

    private final JdbcTemplate jdbc;
    private final Cache<String, String> known = Caffeine.newBuilder().maximumSize(100_000).build();
    private final String typeQuery;

    public AggregateDirectory(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.typeQuery = "SELECT " + schema.typeColumn() + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn()
                + " = 0";
    }

    /** The aggregate type of {@code id} ({@code Organisation}, {@code Interview}), or empty if nothing has it. */
    public Optional<String> typeOf(String id) {
        if (!Identifiers.isValid(id)) {
            return Optional.empty();
        }
        String type = known.getIfPresent(id);
        if (type != null) {
            return Optional.of(type);
        }
        List<String> types = jdbc.queryForList(typeQuery, String.class, id);
        if (!types.isEmpty() && !TransactionSynchronizationManager.isActualTransactionActive()) {
            known.put(id, types.getFirst());
        }
        return types.stream().findFirst();
    }

    public boolean exists(String id, Class<?> aggregateType) {
        return typeOf(id).filter(aggregateType.getSimpleName()::equals).isPresent();
    }
}
