package ro.cluj.crt.events.api;

import java.time.Instant;

/**
 * The answer to a public recommendation: its id and when it was received, with the version and event store position
 * of the write. It never echoes what was sent, so a shared screen or a proxy's log shows no personal data.
 *
 * @param status always {@code new}: staff triage it later
 */
public record RecommendationReceipt(String id, String status, Instant receivedAt, long version, long position) {
}
