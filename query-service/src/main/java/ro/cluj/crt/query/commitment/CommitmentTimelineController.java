package ro.cluj.crt.query.commitment;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.CommitmentState;
import ro.cluj.crt.events.api.CommitmentTimeline;
import ro.cluj.crt.events.commitment.CommitmentEvent;
import ro.cluj.crt.query.config.PointInTime;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.config.ReadResponses;
import ro.cluj.crt.query.config.Readers;
import ro.cluj.crt.query.config.StoredEvents;
import ro.cluj.crt.query.config.ViewDocument;
import ro.cluj.crt.query.config.ViewJson;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * A commitment's timeline, public by default: the public sees who acted by role only, logged-in readers also by the
 * account's opaque id. Commitment events hold no personal data. Its state as of a global position is folded from the
 * commitment's own events in the event store, since the timeline does not know positions.
 */
@RestController
class CommitmentTimelineController {

    private static final TypeReference<Map<String, Object>> CONTENT = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ProjectionPositions positions;
    private final StoredEvents events;
    private final TransactionTemplate snapshot;
    private final TimelineQueries timelines;

    CommitmentTimelineController(JdbcTemplate jdbc, ProjectionPositions positions, StoredEvents events,
                                 PlatformTransactionManager transactions, TimelineQueries timelines) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.events = events;
        this.timelines = timelines;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    @GetMapping("/api/commitments/{commitmentId}/timeline")
    ResponseEntity<CommitmentTimeline> timeline(@PathVariable String commitmentId,
                                                @RequestParam(required = false) Long minPosition) {
        boolean showAccounts = Readers.seesEverything();
        return ReadResponses.at(positions.read(CommitmentTimelineProjection.PROCESSING_GROUP, minPosition,
                () -> timelines.entries(commitmentId, showAccounts))
                .map(entries -> {
                    if (entries.isEmpty()) {
                        throw new NotFoundException("no commitment with this id");
                    }
                    return new CommitmentTimeline(commitmentId, entries);
                }));
    }

    /**
     * Where a commitment stands: now, or as of {@code asOf} (an instant, or a date meaning the end of that day in
     * Cluj) on the {@code recorded} line (what the tracker showed then) or the {@code happened} line (what had
     * happened by then, as the tracker knows it now: a report recorded later about an earlier date counts); or as of
     * {@code atPosition}, from its events up to that global position, on the recorded line.
     */
    @GetMapping("/api/commitments/{commitmentId}")
    ResponseEntity<CommitmentState> state(@PathVariable String commitmentId,
                                          @RequestParam(required = false) String asOf,
                                          @RequestParam(defaultValue = "recorded") String line,
                                          @RequestParam(required = false) Long minPosition,
                                          @RequestParam(required = false) String atPosition) {
        if (!line.equals("recorded") && !line.equals("happened")) {
            throw new InvalidRequestException("line", "must be recorded or happened");
        }
        if (atPosition != null) {
            return atPosition(commitmentId, atPosition, asOf, line);
        }
        Instant moment = asOf == null ? Instant.now() : PointInTime.moment(asOf);
        LocalDate day = moment.atZone(PointInTime.CLUJ).toLocalDate();
        return ReadResponses.at(positions.read(CommitmentTimelineProjection.PROCESSING_GROUP, minPosition,
                () -> line.equals("recorded") ? recordedBy(commitmentId, moment) : happenedBy(commitmentId, day))
                .map(found -> {
                    if (found.stream().noneMatch(step -> step.type().equals("CommitmentMade"))) {
                        throw new NotFoundException("no commitment with this id at that time");
                    }
                    return CommitmentStates.fold(commitmentId, found, day, line.equals("happened"));
                }));
    }

    /**
     * The state after the commitment's events up to the position, lateness judged on the day (in Cluj) the store
     * reached that position, which is what a read at that moment judged it by.
     */
    private ResponseEntity<CommitmentState> atPosition(String commitmentId, String atPosition, String asOf,
                                                       String line) {
        long position = PointInTime.position(atPosition);
        if (asOf != null || !line.equals("recorded")) {
            throw new InvalidRequestException("atPosition", "goes with the recorded line alone, without asOf");
        }
        CommitmentState state = snapshot.execute(status -> {
            PointInTime.reached(position, events.head());
            List<CommitmentStates.Step> steps = events.ofAggregate(commitmentId, position).stream()
                    .filter(message -> message.getPayload() instanceof CommitmentEvent)
                    .map(CommitmentTimelineController::stepOf).toList();
            if (steps.stream().noneMatch(step -> step.type().equals("CommitmentMade"))) {
                throw new NotFoundException("no commitment with this id at that position");
            }
            LocalDate day = events.reachedAt(position).orElseThrow().atZone(PointInTime.CLUJ).toLocalDate();
            return CommitmentStates.fold(commitmentId, steps, day);
        });
        return ReadResponses.at(new ProjectionPositions.Positioned<>(position, state));
    }

    /** A stored event as the timeline keeps it: its content is the event's JSON, as the projection writes it. */
    private static CommitmentStates.Step stepOf(DomainEventMessage<?> message) {
        return new CommitmentStates.Step(message.getPayloadType().getSimpleName(), message.getSequenceNumber(),
                ViewJson.read(ViewJson.write(message.getPayload()), CONTENT));
    }

    private List<CommitmentStates.Step> recordedBy(String commitmentId, Instant moment) {
        return jdbc.query("""
                SELECT event_type, sequence_number, content FROM commitment_timeline
                WHERE commitment_id = ? AND recorded_at <= ? ORDER BY sequence_number""",
                CommitmentTimelineController::step, commitmentId, moment.atOffset(ZoneOffset.UTC));
    }

    private List<CommitmentStates.Step> happenedBy(String commitmentId, LocalDate day) {
        return jdbc.query("""
                SELECT event_type, sequence_number, content FROM commitment_timeline
                WHERE commitment_id = ?
                  AND coalesce(occurred_on, (recorded_at AT TIME ZONE 'Europe/Bucharest')::date) <= ?
                ORDER BY sequence_number""",
                CommitmentTimelineController::step, commitmentId, day);
    }

    private static CommitmentStates.Step step(ResultSet row, int rowNumber) throws SQLException {
        return new CommitmentStates.Step(row.getString("event_type"), row.getLong("sequence_number"),
                ViewDocument.of(row.getString("content"), null));
    }
}
