package ro.cluj.crt.query.config;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads events straight from the event store, for answers "as of" a past position: computed from the events
 * themselves rather than from a view that only knows the present. Rows are read in global order in pages, then
 * upcast and deserialized with the storage serializer exactly as the processors receive them. Callers run it inside
 * their own transaction, so that one snapshot covers the head they checked and the events they read.
 */
@Component
public class StoredEvents {

    private static final int PAGE = 500;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final org.axonframework.config.Configuration axon;
    private final String table;

    public StoredEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                        org.axonframework.config.Configuration axon, EventSchema schema) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.axon = axon;
        this.table = schema.domainEventTable();
    }

    /** The highest global position stored; -1 for an empty store. */
    public long head() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM " + table, Long.class);
    }

    /** The highest global position of the events stored with a time stamp up to {@code moment}; -1 when none. */
    public long lastStoredBy(Instant moment) {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM " + table
                + " WHERE time_stamp::timestamptz <= ?", Long.class, moment.atOffset(ZoneOffset.UTC));
    }

    /** When the store reached {@code position}: the time stamp of the last event at or before it. */
    public Optional<Instant> reachedAt(long position) {
        return jdbc.query("SELECT time_stamp FROM " + table
                + " WHERE global_index <= ? ORDER BY global_index DESC LIMIT 1",
                (row, i) -> Instant.parse(row.getString(1)), position).stream().findFirst();
    }

    /** Hands every event whose stored payload type is one of {@code payloadTypes}, up to {@code position}, in order. */
    public void forEach(Collection<String> payloadTypes, long position, Consumer<DomainEventMessage<?>> handler) {
        String[] types = payloadTypes.toArray(String[]::new);
        long after = -1;
        while (true) {
            List<Row> page = jdbc.query("SELECT * FROM " + table
                    + " WHERE global_index > ? AND global_index <= ? AND payload_type = ANY (?)"
                    + " ORDER BY global_index LIMIT " + PAGE, ROW, after, position, types);
            page.forEach(row -> deserialize(row).forEach(handler));
            if (page.size() < PAGE) {
                return;
            }
            after = page.getLast().globalIndex();
        }
    }

    /** The events of one aggregate up to {@code position}, in their order. */
    public List<DomainEventMessage<?>> ofAggregate(String aggregateId, long position) {
        return jdbc.query("SELECT * FROM " + table
                + " WHERE aggregate_identifier = ? AND global_index <= ? ORDER BY sequence_number",
                ROW, aggregateId, position).stream().flatMap(row -> deserialize(row).stream()).toList();
    }

    private List<DomainEventMessage<?>> deserialize(Row row) {
        return EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(
                java.util.stream.Stream.of(row.entry()), serializer, axon.upcasterChain()))
                .<DomainEventMessage<?>>map(message -> message).toList();
    }

    /** One stored row, as Axon's upcasters and serializer take it. */
    private record Row(long globalIndex, GenericDomainEventEntry<byte[]> entry) {
    }

    private static final RowMapper<Row> ROW = (row, i) -> new Row(row.getLong("global_index"),
            new GenericDomainEventEntry<>(row.getString("type"), row.getString("aggregate_identifier"),
                    row.getLong("sequence_number"), row.getString("event_identifier"), row.getString("time_stamp"),
                    row.getString("payload_type"), row.getString("payload_revision"), row.getBytes("payload"),
                    row.getBytes("meta_data")));
}
