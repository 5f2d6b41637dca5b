package ro.cluj.crt.query.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import ro.cluj.crt.events.api.Page;
import ro.cluj.crt.support.store.StorageSerialization;
import ro.cluj.crt.support.web.ConflictException;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * The dead-letter queues of the processing groups: what is parked, retrying after a fix, evicting. Lists read the
 * queue's table directly, so that they page without deserializing the events; retries and evictions go through Axon,
 * which keeps each aggregate's letters in order.
 */
@Service
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final ObjectMapper STORED = StorageSerialization.storageMapper();

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionManager transactions;
    private final SavepointsAfterFailure savepoints;

    DeadLetters(EventProcessingConfiguration processing, JdbcTemplate jdbc, TransactionManager transactions,
                SavepointsAfterFailure savepoints) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.savepoints = savepoints;
    }

    /** The outcome of a retry: how many aggregates' letters were applied and how many failed again. */
    public record RetryOutcome(int applied, int failed, long remaining) {
    }

    /** How many events each group with a queue holds parked. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        processing.eventProcessors().keySet().forEach(group ->
                processing.deadLetterQueue(group).ifPresent(queue -> counts.put(group, 0L)));
        jdbc.query("SELECT processing_group, count(*) FROM dead_letter_entry GROUP BY processing_group", row -> {
            long count = row.getLong(2);
            counts.computeIfPresent(row.getString(1), (group, none) -> count);
        });
        return counts;
    }

    /** The group's parked events, oldest first, each aggregate's in order. */
    public Page<DeadLetterView> list(String group, int page, int size) {
        queue(group);
        Long total = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?",
                Long.class, group);
        List<DeadLetterView> items = jdbc.query("""
                SELECT d.*, (SELECT h.event_identifier FROM dead_letter_entry h
                             WHERE h.processing_group = d.processing_group
                               AND h.sequence_identifier = d.sequence_identifier
                             ORDER BY h.sequence_index LIMIT 1) AS head_event
                FROM dead_letter_entry d WHERE d.processing_group = ?
                ORDER BY d.enqueued_at, d.sequence_identifier, d.sequence_index LIMIT ? OFFSET ?""",
                (row, i) -> view(row), group, size, (long) page * size);
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    /**
     * Tries the parked event again, with the events of its aggregate queued behind it. Only the first parked event of
     * an aggregate can be retried; the others wait for it.
     */
    public RetryOutcome retry(String group, String eventId) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(group);
        String head = headOf(group, eventId);
        if (!head.equals(eventId)) {
            throw new ConflictException("waiting",
                    "this event waits behind event " + head + " of the same aggregate; retry that one");
        }
        boolean applied = processor.process(letter -> letter.message().getIdentifier().equals(eventId));
        log.atInfo().setMessage("dead letter retried").addKeyValue("group", group).addKeyValue("eventId", eventId)
                .addKeyValue("applied", applied).log();
        return new RetryOutcome(applied ? 1 : 0, applied ? 0 : 1, size(group));
    }

    /** Tries every aggregate's parked events again, each aggregate once. */
    public RetryOutcome retryAll(String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(group);
        List<String> heads = jdbc.queryForList("""
                SELECT event_identifier FROM dead_letter_entry d WHERE processing_group = ?
                  AND sequence_index = (SELECT min(sequence_index) FROM dead_letter_entry s
                                        WHERE s.processing_group = d.processing_group
                                          AND s.sequence_identifier = d.sequence_identifier)
                ORDER BY enqueued_at""", String.class, group);
        int applied = 0;
        for (String head : heads) {
            if (processor.process(letter -> letter.message().getIdentifier().equals(head))) {
                applied++;
            }
        }
        RetryOutcome outcome = new RetryOutcome(applied, heads.size() - applied, size(group));
        log.atInfo().setMessage("dead letters retried").addKeyValue("group", group)
                .addKeyValue("applied", outcome.applied()).addKeyValue("failed", outcome.failed())
                .addKeyValue("remaining", outcome.remaining()).log();
        return outcome;
    }

    /** Removes a parked event for good: the projection will never apply it (a rebuild would try it again). */
    public void evict(String group, String eventId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        String sequence = sequenceOf(group, eventId);
        transactions.executeInTransaction(() -> {
            for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
                if (letter.message().getIdentifier().equals(eventId)) {
                    queue.evict(letter);
                    return;
                }
            }
            throw new NotFoundException("no parked event with this id in this group");
        });
        log.atInfo().setMessage("dead letter evicted").addKeyValue("group", group).addKeyValue("eventId", eventId)
                .log();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group)
                .orElseThrow(() -> new NotFoundException("no processing group with a dead-letter queue by this name"));
    }

    /** The group's retrying processor; its handlers run in savepoints, so that a letter failing again stays parked. */
    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String group) {
        queue(group);
        savepoints.beCareful();
        return processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new NotFoundException("no processing group with a dead-letter queue by this name"));
    }

    private String sequenceOf(String group, String eventId) {
        return jdbc.queryForList("""
                SELECT sequence_identifier FROM dead_letter_entry
                WHERE processing_group = ? AND event_identifier = ?""", String.class, group, eventId)
                .stream().findFirst()
                .orElseThrow(() -> new NotFoundException("no parked event with this id in this group"));
    }

    private String headOf(String group, String eventId) {
        String sequence = sequenceOf(group, eventId);
        return jdbc.queryForObject("""
                SELECT event_identifier FROM dead_letter_entry WHERE processing_group = ? AND sequence_identifier = ?
                ORDER BY sequence_index LIMIT 1""", String.class, group, sequence);
    }

    private long size(String group) {
        Long size = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?",
                Long.class, group);
        return size == null ? 0 : size;
    }

    private static DeadLetterView view(ResultSet row) throws SQLException {
        String eventId = row.getString("event_identifier");
        String head = row.getString("head_event");
        String causeType = row.getString("cause_type");
        long sequence = row.getLong("sequence_number");
        return new DeadLetterView(eventId, simpleName(row.getString("payload_type")),
                row.getString("aggregate_identifier"), row.wasNull() ? null : sequence,
                causeType == null ? null : new DeadLetterView.Error(simpleName(causeType),
                        row.getString("cause_message")),
                instant(row.getString("enqueued_at")), instant(row.getString("last_touched")),
                attempts(row.getBytes("diagnostics")), eventId.equals(head) ? null : head);
    }

    private static long attempts(byte[] diagnostics) {
        if (diagnostics == null) {
            return 0;
        }
        try {
            JsonNode attempts = STORED.readTree(diagnostics).path(ParkingPolicy.ATTEMPTS);
            return attempts.isNumber() ? attempts.asLong() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
