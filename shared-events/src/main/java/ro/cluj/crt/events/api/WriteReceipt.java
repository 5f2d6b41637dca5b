package ro.cluj.crt.events.api;

/**
 * The answer to every accepted write: which aggregate, the version it reached (use it with {@code If-Match}) and the
 * event store position of its last event (use it with {@code minPosition} to read your own write).
 */
public record WriteReceipt(String id, long version, long position) {
}
