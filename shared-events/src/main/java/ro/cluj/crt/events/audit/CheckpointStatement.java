package ro.cluj.crt.events.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What a signed checkpoint says: "at link N, which sealed the event at global index G, the chain's head hash was H",
 * as plain text whose UTF-8 bytes are what the tracker signs with Ed25519. Lines end with a line feed:
 * <pre>
 * crt-chain-checkpoint/1
 * link-number: 42
 * global-index: 57
 * head-hash: 9f86d0...(64 hex digits)
 * recorded-at: 2026-12-04T10:15:30.123Z
 * key-id: 1a2b3c4d5e6f7081
 * </pre>
 */
public record CheckpointStatement(long linkNumber, long globalIndex, String headHash, Instant recordedAt,
                                  String keyId) {

    public static final String VERSION = "crt-chain-checkpoint/1";

    public String text() {
        return VERSION + "\n"
                + "link-number: " + linkNumber + "\n"
                + "global-index: " + globalIndex + "\n"
                + "head-hash: " + headHash + "\n"
                + "recorded-at: " + recordedAt + "\n"
                + "key-id: " + keyId + "\n";
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }
}
