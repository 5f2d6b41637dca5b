package ro.cluj.crt.events.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The link hash against known answers computed outside Java (a few lines of Python's hashlib and struct following the
 * layout in {@link ChainHash}'s Javadoc), so that the documented layout and the code cannot drift apart.
 */
class ChainHashTest {

    private static final StoredEvent FIRST = new StoredEvent(7, "org-1", 0, "evt-1", "Organisation",
            "2026-03-01T10:00:00.000Z", "ro.cluj.crt.events.organisation.OrganisationRegistered", "1",
            "{\"name\":\"Cerc ș\"}".getBytes(StandardCharsets.UTF_8),
            "{\"actorId\":\"acc-staff-0001\"}".getBytes(StandardCharsets.UTF_8));
    /** Missing type, revision and metadata, and a global index lower than the link before (a late commit). */
    private static final StoredEvent SECOND = new StoredEvent(5, "org-2", 3, "evt-2", null,
            "2026-03-01T10:00:01.000Z", "X", null, "{}".getBytes(StandardCharsets.UTF_8), null);

    @Test
    void hashesTheDocumentedLayoutToTheKnownAnswers() {
        byte[] first = ChainHash.of(ChainHash.GENESIS, 1, FIRST);
        byte[] second = ChainHash.of(first, 2, SECOND);

        assertThat(ChainHash.hex(first)).isEqualTo("f2042644c93d7248bb63d4e616d15b7fdeccb50e45066b18471fbf97548a91f1");
        assertThat(ChainHash.hex(second))
                .isEqualTo("a285636bdc80e8e67e8213d32e0826e31395382b4cbfd6956a3a5330b610fe20");
    }

    @Test
    void startsWithTheLengthPrefixedVersionAndPreviousHash() {
        byte[] bytes = ChainHash.bytes(ChainHash.GENESIS, 1, FIRST);

        assertThat(bytes).hasSize(272);
        assertThat(HexFormat.of().formatHex(bytes, 0, 40))
                .isEqualTo("000000116372742d6576656e742d636861696e2f3100000020000000000000000000000000000000");
    }

    @Test
    void anyChangedByteChangesTheHash() {
        byte[] payload = FIRST.payload().clone();
        payload[3] ^= 1;
        StoredEvent altered = new StoredEvent(7, "org-1", 0, "evt-1", "Organisation", "2026-03-01T10:00:00.000Z",
                FIRST.payloadType(), "1", payload, FIRST.metaData());

        assertThat(ChainHash.of(ChainHash.GENESIS, 1, altered)).isNotEqualTo(ChainHash.of(ChainHash.GENESIS, 1, FIRST));
        assertThat(ChainHash.of(ChainHash.GENESIS, 2, FIRST)).as("the link number counts")
                .isNotEqualTo(ChainHash.of(ChainHash.GENESIS, 1, FIRST));
    }

    @Test
    void tellsAMissingValueFromAnEmptyOne() {
        StoredEvent empty = new StoredEvent(5, "org-2", 3, "evt-2", "", "2026-03-01T10:00:01.000Z", "X", "",
                "{}".getBytes(StandardCharsets.UTF_8), new byte[0]);

        assertThat(ChainHash.of(ChainHash.GENESIS, 1, empty)).isNotEqualTo(ChainHash.of(ChainHash.GENESIS, 1, SECOND));
    }

    @Test
    void refusesAPreviousHashOfTheWrongLength() {
        assertThatThrownBy(() -> ChainHash.of(new byte[31], 1, FIRST)).isInstanceOf(IllegalArgumentException.class);
    }
}
