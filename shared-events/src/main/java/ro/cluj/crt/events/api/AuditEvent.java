package ro.cluj.crt.events.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One stored event for an auditor: where it stands in the store, what it is, its metadata (who, from which request,
 * caused by which message, why) and payload exactly as stored (JSON, written verbatim; sealed personal values stay
 * sealed), and the chain link that seals it, or null while it is not sealed yet. A payload or metadata whose stored
 * bytes are not JSON (the store was altered) is given as {@code payloadBase64} or {@code metadataBase64} instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(long position, String eventId, String aggregateId, String aggregateType,
                         long sequenceNumber, String type, String payloadType, String payloadRevision,
                         String recordedAt, @JsonRawValue String metadata, String metadataBase64,
                         @JsonRawValue String payload, String payloadBase64, Link link) {

    /** The link of the hash chain that seals the event: hashes in lower-case hex. */
    public record Link(long linkNumber, String hash, String previousHash, Instant sealedAt) {
    }
}
