package ro.cluj.crt.query.follow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the deliveries {@link FollowerOutbox} enqueued. Each webhook gets its deliveries one at a time, in the order
 * they were enqueued (the order of the history): only the oldest pending delivery of a webhook is tried, so a failing
 * target holds its later deliveries back until it answers or the delivery is given up. A delivery is leased in the
 * database before it is sent, so several query-service instances never send the same one at once; a lease left by an
 * instance that stopped mid-send runs out after {@link #LEASE} and the delivery is tried again (at least once: a
 * receiver that must not apply a change twice keys on {@code eventId}).
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    static final Duration LEASE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final WebhookSettings settings;
    private final WebhookTargets targets;
    private final HttpClient http;
    private ScheduledExecutorService scheduler;
    private ExecutorService senders;
    private volatile boolean running;

    WebhookDispatcher(JdbcTemplate jdbc, PlatformTransactionManager transactions, WebhookSettings settings,
                      WebhookTargets targets) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
        this.targets = targets;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(settings.connectTimeout()).build();
    }

    /** A leased delivery with what it takes to send it. */
    private record Due(long deliveryId, String webhookId, String targetUrl, String secret, String eventType,
                       String body, int attempts) {
    }

    /** What one attempt came to: a status code, or an error before any answer. */
    private record Outcome(Integer statusCode, String error, long durationMs) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        senders = Executors.newVirtualThreadPerTaskExecutor();
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("webhook-dispatcher").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::dispatchSafely, 0, settings.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        scheduler.shutdown();
        senders.shutdown();
        try {
            if (!scheduler.awaitTermination(settings.requestTimeout().toSeconds() + 5, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void dispatchSafely() {
        try {
            List<Due> due = lease();
            while (!due.isEmpty() && running) {
                senders.invokeAll(due.stream().map(delivery -> (Callable<Void>) () -> {
                    send(delivery);
                    return null;
                }).toList());
                due = lease();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("webhook dispatch failed; trying again at the next poll", e);
        }
    }

    /** The oldest pending delivery of each webhook, when it is due and not leased by another sender. */
    private List<Due> lease() {
        return jdbc.query("""
                WITH leased AS (
                    UPDATE webhook_delivery d SET leased_until = now() + make_interval(secs => ?)
                    FROM (SELECT DISTINCT ON (webhook_id) delivery_id FROM webhook_delivery
                          WHERE status = 'pending' ORDER BY webhook_id, delivery_id) head
                    WHERE d.delivery_id = head.delivery_id AND d.status = 'pending' AND d.next_attempt_at <= now()
                      AND (d.leased_until IS NULL OR d.leased_until < now())
                    RETURNING d.delivery_id, d.webhook_id, d.event_type, d.body, d.attempts)
                SELECT l.*, w.target_url, w.secret FROM leased l JOIN webhook w ON w.webhook_id = l.webhook_id""",
                (row, i) -> new Due(row.getLong("delivery_id"), row.getString("webhook_id"),
                        row.getString("target_url"), row.getString("secret"), row.getString("event_type"),
                        row.getString("body"), row.getInt("attempts")),
                LEASE.toSeconds());
    }

    private void send(Due delivery) {
        Outcome outcome = attempt(delivery);
        int attempt = delivery.attempts() + 1;
        transaction.executeWithoutResult(status -> record(delivery, attempt, outcome));
        log.atInfo().setMessage(outcome.delivered() ? "webhook delivered" : "webhook delivery attempt failed")
                .addKeyValue("webhookId", delivery.webhookId()).addKeyValue("deliveryId", delivery.deliveryId())
                .addKeyValue("attempt", attempt).addKeyValue("statusCode", outcome.statusCode())
                .addKeyValue("error", outcome.error()).log();
    }

    private Outcome attempt(Due delivery) {
        long started = System.nanoTime();
        Optional<String> refused = targets.problem(delivery.targetUrl());
        if (refused.isPresent()) {
            return new Outcome(null, "target refused: " + refused.get(), 0);
        }
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.targetUrl()))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "crt-webhooks/1")
                .header("X-CRT-Webhook", delivery.webhookId())
                .header("X-CRT-Delivery", Long.toString(delivery.deliveryId()))
                .header("X-CRT-Event", delivery.eventType())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(delivery.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Outcome(status, status < 300 ? null : "answered " + status, millisSince(started));
        } catch (IOException e) {
            return new Outcome(null, describe(e), millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted at shutdown", millisSince(started));
        }
    }

    private void record(Due delivery, int attempt, Outcome outcome) {
        jdbc.update("""
                INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
                VALUES (?, ?, now(), ?, ?, ?)""",
                delivery.deliveryId(), attempt, outcome.statusCode(), outcome.error(), outcome.durationMs());
        if (outcome.delivered()) {
            jdbc.update("""
                    UPDATE webhook_delivery SET status = 'delivered', attempts = ?, delivered_at = now(),
                           last_attempt_at = now(), last_status_code = ?, last_error = NULL, next_attempt_at = NULL,
                           leased_until = NULL
                    WHERE delivery_id = ? AND status = 'pending'""",
                    attempt, outcome.statusCode(), delivery.deliveryId());
            return;
        }
        boolean givenUp = attempt >= settings.maxAttempts();
        jdbc.update("""
                UPDATE webhook_delivery SET status = ?, attempts = ?, last_attempt_at = now(), last_status_code = ?,
                       last_error = ?, leased_until = NULL,
                       next_attempt_at = CASE WHEN ? THEN NULL ELSE now() + make_interval(secs => ?) END
                WHERE delivery_id = ? AND status = 'pending'""",
                givenUp ? "failed" : "pending", attempt, outcome.statusCode(), outcome.error(), givenUp,
                settings.backoffAfter(attempt).toMillis() / 1000.0, delivery.deliveryId());
    }

    private static String describe(IOException e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
