package ro.cluj.crt.query.commitment;

import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.EventMetadata;
import ro.cluj.crt.events.commitment.CommitmentEvent;
import ro.cluj.crt.query.config.ViewJson;

/**
 * The timeline of every commitment: each event as one row, with both its times, who caused it and why. A row is
 * keyed by the commitment and the event's sequence number, so an event delivered twice is stored once.
 */
@Component
@ProcessingGroup(CommitmentTimelineProjection.PROCESSING_GROUP)
public class CommitmentTimelineProjection {

    public static final String PROCESSING_GROUP = "commitments";

    private final JdbcTemplate jdbc;

    public CommitmentTimelineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommitmentEvent event, DomainEventMessage<?> message) {
        jdbc.update("""
                INSERT INTO commitment_timeline (commitment_id, sequence_number, event_type, occurred_on,
                                                 recorded_at, actor_id, actor_role, reason, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (commitment_id, sequence_number) DO NOTHING""",
                event.commitmentId().value(), message.getSequenceNumber(), event.getClass().getSimpleName(),
                event.occurredOn(), message.getTimestamp().atOffset(ZoneOffset.UTC),
                message.getMetaData().get(EventMetadata.ACTOR_ID), message.getMetaData().get(EventMetadata.ACTOR_ROLE),
                message.getMetaData().get(EventMetadata.REASON), ViewJson.write(event));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM commitment_timeline");
    }
}
