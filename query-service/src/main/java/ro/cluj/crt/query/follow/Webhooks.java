package ro.cluj.crt.query.follow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * The webhooks admins registered, and their delivery log. A webhook follows one commitment, one organisation (the
 * commitments it leads or co-signs) or all commitments, from the head of the event store at its registration on.
 * Secrets are stored to sign with and never answered again.
 */
@Service
class Webhooks {

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Webhooks with how many of their deliveries stand where. */
    private static final String SELECT = """
            SELECT w.*,
                   (SELECT count(*) FROM webhook_delivery d WHERE d.webhook_id = w.webhook_id
                                                            AND d.status = 'pending') AS pending,
                   (SELECT count(*) FROM webhook_delivery d WHERE d.webhook_id = w.webhook_id
                                                            AND d.status = 'delivered') AS delivered,
                   (SELECT count(*) FROM webhook_delivery d WHERE d.webhook_id = w.webhook_id
                                                            AND d.status = 'failed') AS failed
            FROM webhook w""";

    private final JdbcTemplate jdbc;
    private final String eventSchema;

    Webhooks(JdbcTemplate jdbc, @Value("${crt.event-store.schema}") String eventSchema) {
        this.jdbc = jdbc;
        this.eventSchema = eventSchema;
    }

    /** What a webhook follows: {@code subjectId} is null for all commitments. */
    record Follows(String scope, String subjectId) {

        static final String COMMITMENT = "commitment";
        static final String ORGANISATION = "organisation";
        static final String ALL_COMMITMENTS = "all-commitments";
    }

    /** A webhook as admins see it, without its secret; {@code secret} only in the answer that generated it. */
    record Webhook(String id, String targetUrl, String scope, String subjectId, long fromPosition,
                   Instant registeredAt, String registeredBy, Instant deletedAt, long pending, long delivered,
                   long failed, @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

        Webhook withSecret(String generated) {
            return new Webhook(id, targetUrl, scope, subjectId, fromPosition, registeredAt, registeredBy, deletedAt,
                    pending, delivered, failed, generated);
        }
    }

    /** One delivery: where it stands and every attempt made. */
    record Delivery(long deliveryId, String eventId, long position, String commitmentId, long sequenceNumber,
                    String type, String status, int attempts, Instant createdAt, Instant nextAttemptAt,
                    Instant lastAttemptAt, Integer lastStatusCode, String lastError, Instant deliveredAt,
                    List<Attempt> attemptLog) {
    }

    record Attempt(int attempt, Instant at, Integer statusCode, String error, long durationMs) {
    }

    record DeliveryPage(List<Delivery> deliveries, int page, int size, long total) {
    }

    /** Whether the event store has an aggregate of this type (Commitment, Organisation) with this id. */
    boolean exists(String aggregateType, String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM %s.domain_event_entry
                               WHERE aggregate_identifier = ? AND sequence_number = 0 AND type = ?)"""
                .formatted(eventSchema), Boolean.class, id, aggregateType));
    }

    /** Registers a webhook; with no secret given, generates one (returned in this answer only). */
    @Transactional
    Webhook register(String targetUrl, String secret, Follows follows, String registeredBy) {
        String id = UUID.randomUUID().toString();
        String generated = secret == null ? generateSecret() : null;
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM %s.domain_event_entry"
                .formatted(eventSchema), Long.class);
        jdbc.update("""
                INSERT INTO webhook (webhook_id, target_url, secret, scope, subject_id, from_position, registered_at,
                                     registered_by)
                VALUES (?, ?, ?, ?, ?, ?, now(), ?)""",
                id, targetUrl, secret == null ? generated : secret, follows.scope(), follows.subjectId(), head,
                registeredBy);
        log.atInfo().setMessage("webhook registered").addKeyValue("webhookId", id)
                .addKeyValue("scope", follows.scope()).addKeyValue("subjectId", follows.subjectId())
                .addKeyValue("fromPosition", head).log();
        Webhook webhook = find(id).orElseThrow();
        return generated == null ? webhook : webhook.withSecret(generated);
    }

    List<Webhook> all() {
        return jdbc.query(SELECT + " WHERE w.deleted_at IS NULL ORDER BY w.registered_at, w.webhook_id",
                Webhooks::webhook);
    }

    Optional<Webhook> find(String id) {
        return jdbc.query(SELECT + " WHERE w.webhook_id = ?", Webhooks::webhook, id).stream().findFirst();
    }

    /** Stops a webhook: nothing more is enqueued for it and what is pending is cancelled; its log stays. */
    @Transactional
    void delete(String id) {
        if (jdbc.update("UPDATE webhook SET deleted_at = now() WHERE webhook_id = ? AND deleted_at IS NULL", id)
                == 0) {
            throw new NotFoundException("no webhook with this id");
        }
        int cancelled = jdbc.update("""
                UPDATE webhook_delivery SET status = 'cancelled', next_attempt_at = NULL, leased_until = NULL
                WHERE webhook_id = ? AND status = 'pending'""", id);
        log.atInfo().setMessage("webhook deleted").addKeyValue("webhookId", id)
                .addKeyValue("cancelledDeliveries", cancelled).log();
    }

    /** The delivery log of a webhook, oldest first, optionally of one status. */
    DeliveryPage deliveries(String webhookId, String status, int page, int size) {
        String filter = status == null ? "" : " AND status = ?";
        Object[] arguments = status == null ? new Object[] {webhookId} : new Object[] {webhookId, status};
        long total = jdbc.queryForObject("SELECT count(*) FROM webhook_delivery WHERE webhook_id = ?" + filter,
                Long.class, arguments);
        List<Delivery> deliveries = jdbc.query("""
                SELECT * FROM webhook_delivery WHERE webhook_id = ?%s ORDER BY delivery_id LIMIT %d OFFSET %d"""
                .formatted(filter, size, (long) page * size), this::delivery, arguments);
        return new DeliveryPage(deliveries, page, size, total);
    }

    private Delivery delivery(ResultSet row, int rowNumber) throws SQLException {
        long id = row.getLong("delivery_id");
        List<Attempt> attempts = jdbc.query(
                "SELECT * FROM webhook_attempt WHERE delivery_id = ? ORDER BY attempt",
                (attempt, i) -> new Attempt(attempt.getInt("attempt"), instant(attempt, "attempted_at"),
                        (Integer) attempt.getObject("status_code"), attempt.getString("error"),
                        attempt.getLong("duration_ms")), id);
        return new Delivery(id, row.getString("event_id"), row.getLong("global_position"),
                row.getString("commitment_id"), row.getLong("sequence_number"), row.getString("event_type"),
                row.getString("status"), row.getInt("attempts"), instant(row, "created_at"),
                instant(row, "next_attempt_at"), instant(row, "last_attempt_at"),
                (Integer) row.getObject("last_status_code"), row.getString("last_error"),
                instant(row, "delivered_at"), attempts);
    }

    private static Webhook webhook(ResultSet row, int rowNumber) throws SQLException {
        return new Webhook(row.getString("webhook_id"), row.getString("target_url"), row.getString("scope"),
                row.getString("subject_id"), row.getLong("from_position"), instant(row, "registered_at"),
                row.getString("registered_by"), instant(row, "deleted_at"), row.getLong("pending"),
                row.getLong("delivered"), row.getLong("failed"), null);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static String generateSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
