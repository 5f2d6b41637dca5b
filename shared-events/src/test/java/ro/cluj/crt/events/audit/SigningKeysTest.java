package ro.cluj.crt.events.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signing key's text form and the checkpoint statement that it signs. */
class SigningKeysTest {

    @Test
    void aGeneratedKeyPairReadsBackAndSignsCheckpointsThatVerify() {
        KeyPair keys = SigningKeys.parse(SigningKeys.generate());
        CheckpointStatement statement = new CheckpointStatement(42, 57, "ab".repeat(32),
                Instant.parse("2026-12-04T10:15:30.123Z"), SigningKeys.keyId(keys.getPublic()));

        byte[] signature = SigningKeys.sign(keys.getPrivate(), statement.bytes());

        assertThat(SigningKeys.verify(keys.getPublic(), statement.bytes(), signature)).isTrue();
        CheckpointStatement other = new CheckpointStatement(42, 57, "ac".repeat(32), statement.recordedAt(),
                statement.keyId());
        assertThat(SigningKeys.verify(keys.getPublic(), other.bytes(), signature)).isFalse();
        assertThat(statement.text()).isEqualTo("crt-chain-checkpoint/1\nlink-number: 42\nglobal-index: 57\n"
                + "head-hash: " + "ab".repeat(32) + "\nrecorded-at: 2026-12-04T10:15:30.123Z\nkey-id: "
                + statement.keyId() + "\n");
        assertThat(statement.keyId()).hasSize(16);
    }

    @Test
    void refusesHalvesOfTwoDifferentPairs() {
        String[] one = SigningKeys.generate().split("\n");
        String[] two = SigningKeys.generate().split("\n");

        assertThatThrownBy(() -> SigningKeys.parse(one[0] + "\n" + two[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKeys.parse("not a key")).isInstanceOf(IllegalArgumentException.class);
    }
}
