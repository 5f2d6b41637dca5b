package ro.cluj.crt.events.api;

import java.time.Instant;

/**
 * A signed checkpoint of the event chain: at link {@code linkNumber} (sealing the event at {@code globalIndex}) the
 * head hash was {@code headHash}. {@code statement} is the exact text signed (UTF-8) and {@code signature} the base64
 * of its Ed25519 signature by the key {@code keyId}.
 */
public record ChainCheckpoint(long linkNumber, long globalIndex, String headHash, Instant recordedAt, String keyId,
                              String statement, String signature) {
}
