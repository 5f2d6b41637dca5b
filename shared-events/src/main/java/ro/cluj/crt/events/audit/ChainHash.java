package ro.cluj.crt.events.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

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
        MessageDigest digest = sha256();
        write(digest::update, previous, linkNumber, event);
        return digest.digest();
    }

    /** The exact bytes that are hashed, for tests and for anyone who wants to see them. */
    public static byte[] bytes(byte[] previous, long linkNumber, StoredEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + event.payload().length
                + (event.metaData() == null ? 0 : event.metaData().length));
        write(out::writeBytes, previous, linkNumber, event);
        return out.toByteArray();
    }

    /** Writes the fields in their order straight into the sink, so the digest needs no copy of the payload. */
    private static void write(Consumer<byte[]> sink, byte[] previous, long linkNumber, StoredEvent event) {
        if (previous == null || previous.length != LENGTH) {
            throw new IllegalArgumentException("the previous hash must be " + LENGTH + " bytes");
        }
        field(sink, text(VERSION));
        field(sink, previous);
        field(sink, number(linkNumber));
        field(sink, number(event.globalIndex()));
        field(sink, text(event.aggregateIdentifier()));
        field(sink, number(event.sequenceNumber()));
        field(sink, text(event.eventIdentifier()));
        field(sink, text(event.type()));
        field(sink, text(event.timeStamp()));
        field(sink, text(event.payloadType()));
        field(sink, text(event.payloadRevision()));
        field(sink, event.payload());
        field(sink, event.metaData());
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    public static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void field(Consumer<byte[]> sink, byte[] value) {
        sink.accept(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? MISSING : value.length).array());
        if (value != null) {
            sink.accept(value);
        }
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] number(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }
}
