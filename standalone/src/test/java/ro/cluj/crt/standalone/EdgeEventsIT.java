package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import ro.cluj.crt.support.store.EdgeValues;
import ro.cluj.crt.support.store.StorageSerialization;

/**
 * Every projection handler accepts every event type filled with the edge values the API lets through (maximum-length
 * texts with non-ASCII and emoji, nulls, empty lists, earliest and latest dates): stored as the command side stores
 * events and read by the running query service, not one of them is parked in a dead-letter queue. All events of a
 * variant name the same ids, and the events that create an aggregate come first, so that every other event reaches
 * real rows, as it does through the API.
 */
class EdgeEventsIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    /** The events that start an aggregate's history; every other event type follows them, in the order found. */
    private static final List<String> CREATIONS = List.of("OrganisationRegistered", "ContactPersonRecorded",
            "InterviewRecorded", "CommitmentMade", "LessonDrafted", "SessionScheduled", "InitiativeRecommended");

    /** Fields the command side fills itself, never from a request: an edition's date, a participant's id. */
    private static final Set<String> SET_BY_THE_COMMAND_SIDE = Set.of("publishedOn", "participantId");
    /** The names of the fields some API request requires or the command side sets: sparse events keep them. */
    private static final Set<String> REQUIRED = requiredByTheApi();

    private final Serializer serializer = StorageSerialization.storageSerializer();
    private final Map<String, Long> sequences = new HashMap<>();

    @Test
    void everyProjectionAcceptsEveryEventTypeWithEdgeValues() throws Exception {
        TrackerClient staff = system.client().as("staff");
        TrackerClient.Response created = staff.post("/api/organisations",
                "{\"name\":\"Metadata Donor\",\"sector\":\"other\"}");
        assertThat(created.status()).isEqualTo(201);
        byte[] metadata = donorMetadata(created.json().get("id").asText());

        List<Class<?>> types = new ArrayList<>(EdgeValues.eventTypes());
        types.sort(Comparator.comparing(type -> CREATIONS.contains(type.getSimpleName())
                ? CREATIONS.indexOf(type.getSimpleName()) : CREATIONS.size()));
        long last = 0;
        int stored = 0;
        try (Connection connection = system.database.connect()) {
            for (EdgeValues.Variant variant : List.of(EdgeValues.Variant.FULL, EdgeValues.Variant.SPARSE)) {
                for (Class<?> type : types) {
                    last = store(connection, EdgeValues.of(type, variant, REQUIRED), metadata);
                    stored++;
                }
            }
        }
        assertThat(stored).isEqualTo(types.size() * 2);

        awaitAllProjectionsAt(last);
        List<String> parked = new ArrayList<>();
        system.client().as("admin").get("/api/admin/dead-letters").json().fields().forEachRemaining(group -> {
            if (group.getValue().asLong() > 0) {
                system.client().as("admin").get("/api/admin/dead-letters/" + group.getKey() + "?size=200").json()
                        .get("items").forEach(item -> parked.add(group.getKey() + ": " + item.get("eventType")
                                .asText() + " " + item.get("error")));
            }
        });
        assertThat(parked).isEmpty();
    }

    private long store(Connection connection, Object event, byte[] metadata) throws Exception {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        String aggregate = aggregateOf(event);
        long sequence = sequences.merge(aggregate, 0L, (previous, none) -> previous + 1);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING global_index""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate);
            insert.setLong(3, sequence);
            insert.setString(4, aggregateType(event));
            insert.setString(5, Instant.now().toString());
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setBytes(8, payload.getData());
            insert.setBytes(9, metadata);
            try (ResultSet index = insert.executeQuery()) {
                index.next();
                return index.getLong(1);
            }
        }
    }

    /** The event's first component names its aggregate: an id record, or a plain id. */
    private static String aggregateOf(Object event) throws ReflectiveOperationException {
        RecordComponent first = event.getClass().getRecordComponents()[0];
        return first.getAccessor().invoke(event).toString();
    }

    private static String aggregateType(Object event) {
        String context = event.getClass().getPackageName();
        context = context.substring(context.lastIndexOf('.') + 1);
        return context.substring(0, 1).toUpperCase(Locale.ROOT) + context.substring(1);
    }

    private static Set<String> requiredByTheApi() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        Set<String> required = new TreeSet<>(SET_BY_THE_COMMAND_SIDE);
        for (BeanDefinition candidate : scanner.findCandidateComponents("ro.cluj.crt.command")) {
            Class<?> type;
            try {
                type = Class.forName(candidate.getBeanClassName(), false, EdgeEventsIT.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (!type.isRecord()) {
                continue;
            }
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class)
                        || field.isAnnotationPresent(NotEmpty.class)) {
                    required.add(field.getName());
                }
            }
        }
        assertThat(required).contains("name", "title");
        return required;
    }

    private static byte[] donorMetadata(String aggregate) throws SQLException {
        try (Connection connection = system.database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT meta_data FROM event_store.domain_event_entry "
                     + "WHERE aggregate_identifier = '" + aggregate + "'")) {
            assertThat(row.next()).isTrue();
            return row.getBytes(1);
        }
    }

    private static void awaitAllProjectionsAt(long position) throws InterruptedException {
        TrackerClient admin = system.client().as("admin");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode projections = admin.get("/api/admin/projections").json();
            boolean caughtUp = true;
            for (JsonNode projection : projections) {
                caughtUp &= projection.get("position").asLong() >= position;
            }
            if (caughtUp) {
                return;
            }
            assertThat(Instant.now()).as("projections at " + projections + ", waiting for " + position)
                    .isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
