package ro.cluj.crt.events.api;

import java.time.Instant;
import java.util.List;

/**
 * What an export of the event chain holds, so that an auditor can check the export file offline: the links it
 * covers, the SHA-256 of the exact bytes of {@code events.ndjson} for that range, the chain's head at its last link,
 * the signed checkpoints within the range and the public key that signed them.
 *
 * @param format      the version of this document and of the export lines' shape
 * @param chainLayout the link hash layout the lines were sealed with ({@code ChainHash.VERSION})
 * @param range       the links asked for, with {@code toLink} settled to the chain's head when none was given
 * @param links       how many lines the export file has (one per link)
 * @param events      how many of those links still found their event in the store
 * @param headHash    the hash of the last link exported; null for an empty export
 * @param publicKey   the current signing key, every earlier one in its {@code allKeys}; null when none signed yet
 */
public record AuditExportManifest(String format, String chainLayout, Instant exportedAt, Range range, long links,
                                  long events, LinkEnd firstLink, LinkEnd lastLink, String headHash,
                                  EventsFile eventsFile, List<ChainCheckpoint> checkpoints,
                                  SigningKeyView publicKey) {

    public static final String FORMAT = "crt-audit-export/1";

    /** Links {@code fromLink} to {@code toLink}, both included. */
    public record Range(long fromLink, long toLink) {
    }

    /** One end of the exported range: the first link with the hash it follows, or the last with its own hash. */
    public record LinkEnd(long linkNumber, long globalIndex, String previousHash, String hash) {
    }

    /** The NDJSON file of the same range: its name as served, its length and the SHA-256 of its bytes (hex). */
    public record EventsFile(String name, long bytes, String sha256) {
    }
}
