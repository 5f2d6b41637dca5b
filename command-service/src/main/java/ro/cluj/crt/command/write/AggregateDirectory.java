package ro.cluj.crt.command.write;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.Identifiers;

/**
 * Tells whether an aggregate exists and of which type, straight from the event store. Aggregates are never deleted,
 * so an answer that one exists stays true.
 */
@Component
public class AggregateDirectory {

    private final JdbcTemplate jdbc;
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
        List<String> types = jdbc.queryForList(typeQuery, String.class, id);
        return types.stream().findFirst();
    }

    public boolean exists(String id, Class<?> aggregateType) {
        return typeOf(id).filter(aggregateType.getSimpleName()::equals).isPresent();
    }
}
