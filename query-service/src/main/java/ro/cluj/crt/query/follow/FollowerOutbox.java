package ro.cluj.crt.query.follow;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.EventMetadata;
import ro.cluj.crt.events.commitment.CoSignerAdded;
import ro.cluj.crt.events.commitment.CoSignerWithdrawn;
import ro.cluj.crt.events.commitment.CommitmentEvent;
import ro.cluj.crt.events.commitment.CommitmentMade;
import ro.cluj.crt.query.config.ViewJson;

/**
 * Writes what each webhook is owed: for every commitment event after a webhook's registration, one delivery per
 * webhook that follows the commitment, one of its organisations, or all commitments. It runs in a processing group
 * of its own ({@value #PROCESSING_GROUP}) that no rebuild or shadow replay touches, it never handles a replayed
 * event, and the outbox's unique key (webhook, event) makes an event seen twice enqueue nothing more; the delivery
 * itself is {@link WebhookDispatcher}'s, after this batch committed.
 */
@Component
@DisallowReplay
@ProcessingGroup(FollowerOutbox.PROCESSING_GROUP)
class FollowerOutbox {

    static final String PROCESSING_GROUP = "follow";
    private static final TypeReference<Map<String, Object>> CONTENT = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final FollowLinks links;

    FollowerOutbox(JdbcTemplate jdbc, FollowLinks links) {
        this.jdbc = jdbc;
        this.links = links;
    }

    @EventHandler
    void on(CommitmentEvent event, DomainEventMessage<?> message, TrackingToken token) {
        String commitmentId = event.commitmentId().value();
        switch (event) {
            case CommitmentMade made -> {
                bind(commitmentId, made.leadOrganisationId());
                made.coSignerIds().forEach(organisation -> bind(commitmentId, organisation));
            }
            case CoSignerAdded added -> bind(commitmentId, added.organisationId());
            default -> { }
        }

        enqueue(event, message, token.position().orElseThrow());

        if (event instanceof CoSignerWithdrawn withdrawn) {
            jdbc.update("DELETE FROM follow_commitment_party WHERE commitment_id = ? AND organisation_id = ?",
                    commitmentId, withdrawn.organisationId());
        }
    }

    private void bind(String commitmentId, String organisationId) {
        jdbc.update("""
                INSERT INTO follow_commitment_party (commitment_id, organisation_id) VALUES (?, ?)
                ON CONFLICT DO NOTHING""", commitmentId, organisationId);
    }

    private void enqueue(CommitmentEvent event, DomainEventMessage<?> message, long position) {
        String commitmentId = event.commitmentId().value();
        String type = event.getClass().getSimpleName();
        jdbc.update("""
                INSERT INTO webhook_delivery (webhook_id, event_id, global_position, commitment_id, sequence_number,
                                              event_type, body, status, next_attempt_at)
                SELECT w.webhook_id, ?, ?, ?, ?, ?, ?, 'pending', now()
                FROM webhook w
                WHERE w.deleted_at IS NULL AND w.from_position < ?
                  AND (w.scope = 'all-commitments'
                       OR (w.scope = 'commitment' AND w.subject_id = ?)
                       OR (w.scope = 'organisation' AND w.subject_id IN (
                              SELECT organisation_id FROM follow_commitment_party WHERE commitment_id = ?)))
                ORDER BY w.webhook_id
                ON CONFLICT (webhook_id, event_id) DO NOTHING""",
                message.getIdentifier(), position, commitmentId, message.getSequenceNumber(), type,
                body(event, message, position), position, commitmentId, commitmentId);
    }

    /** What a follower receives: the timeline entry of the change, with links to read more. */
    private String body(CommitmentEvent event, DomainEventMessage<?> message, long position) {
        Map<String, Object> content = ViewJson.read(ViewJson.write(event), CONTENT);
        content.remove("commitmentId");
        String commitmentId = event.commitmentId().value();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", message.getIdentifier());
        body.put("position", position);
        body.put("commitmentId", commitmentId);
        body.put("sequenceNumber", message.getSequenceNumber());
        body.put("type", event.getClass().getSimpleName());
        body.put("occurredOn", event.occurredOn() == null ? null : event.occurredOn().toString());
        body.put("recordedAt", message.getTimestamp().atOffset(ZoneOffset.UTC).toInstant().toString());
        body.put("actorRole", message.getMetaData().get(EventMetadata.ACTOR_ROLE));
        body.put("reason", message.getMetaData().get(EventMetadata.REASON));
        body.put("content", content);
        body.put("links", links.ofCommitment(commitmentId));
        return ViewJson.write(body);
    }
}
