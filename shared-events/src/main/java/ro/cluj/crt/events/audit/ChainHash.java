package ro.cluj.crt.events.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of one link of the event chain, with a byte layout fixed here so that anyone can recompute it outside
 * the tracker. It is written once, used by the sealer and every verifier, and covered by a known-answer test.
 *
 * <p>A link's hash is SHA-256 over the concatenation of these fields, each written as a 4-byte big-endian length
 * followed by that many bytes (a missing value is the length {@code 0xFFFFFFFF} and no bytes; a number is its 8-byte
 * big-endian two's complement form, so its length is always 8; a text is its UTF-8 bytes):
 * <ol>
 *   <li>the text {@value #VERSION}</li>
 *   <li>the previous link's hash (32 bytes; 32 zero bytes for link 1)</li>
 *   <li>the link number (1, 2, 3, ... without gaps)</li>
 *   <li>the event's {@code global_index}</li>
 *   <li>{@code aggregate_identifier}</li>
 *   <li>{@code sequence_number}</li>
 *   <li>{@code event_identifier}</li>
 *   <li>{@code type} (the aggregate type)</li>
 *   <li>{@code time_stamp}, the stored text</li>
 *   <li>{@code payload_type}</li>
 *   <li>{@code payload_revision}</li>
 *   <li>{@code payload}, the stored bytes</li>
 *   <li>{@code meta_data}, the stored bytes</li>
 * </ol>
 * The length prefixes make the encoding unambiguous: no two different events give the same bytes.
 */
public final class ChainHash {

    /** Names the layout; a new layout gets a new name, and old links keep theirs. */
    public static final String VERSION = "crt-event-chain/1";
    public static final int LENGTH = 32;
    /** The "previous hash" of the first link. */
    public static final byte[] GENESIS = new byte[LENGTH];
    private static final int MISSING = -1;

    private ChainHash() {
    }

    /** The hash of link {@code linkNumber}, which seals {@code event} after the link whose hash is {@code previous}. */
    public static byte[] of(byte[] previous, long linkNumber, StoredEvent event) {
        return sha256(bytes(previous, linkNumber, event));
    }

    /** The exact bytes that are hashed, for tests and for anyone who wants to see them. */
    public static byte[] bytes(byte[] previous, long linkNumber, StoredEvent event) {
        if (previous == null || previous.length != LENGTH) {
            throw new IllegalArgumentException("the previous hash must be " + LENGTH + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + event.payload().length
                + (event.metaData() == null ? 0 : event.metaData().length));
        field(out, text(VERSION));
        field(out, previous);
        field(out, number(linkNumber));
        field(out, number(event.globalIndex()));
        field(out, text(event.aggregateIdentifier()));
        field(out, number(event.sequenceNumber()));
        field(out, text(event.eventIdentifier()));
        field(out, text(event.type()));
        field(out, text(event.timeStamp()));
        field(out, text(event.payloadType()));
        field(out, text(event.payloadRevision()));
        field(out, event.payload());
        field(out, event.metaData());
        return out.toByteArray();
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? MISSING : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] number(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }
}
