package ro.cluj.crt.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Ciphers (AES-256-GCM)")
class CiphersTest {

    private static final String PERSON = "person-7";
    private static final String OTHER_PERSON = "person-8";
    private static final byte[] PLAINTEXT = "Ioana Pop, +40 721 000 000".getBytes(StandardCharsets.UTF_8);

    private final SecretKey key = Ciphers.newKey();

    @Test
    void decryptsWhatItEncryptedWithTheSameKeyAndAssociatedData() {
        byte[] sealed = Ciphers.encrypt(key, PLAINTEXT, PERSON);

        assertThat(Ciphers.decrypt(key, sealed, PERSON)).isEqualTo(PLAINTEXT);
    }

    @Test
    void decryptsAnEmptyPlaintext() {
        byte[] sealed = Ciphers.encrypt(key, new byte[0], PERSON);

        assertThat(Ciphers.decrypt(key, sealed, PERSON)).isEmpty();
    }

    @Test
    void prefixesA12ByteNonceAndAppendsA16ByteTag() {
        assertThat(Ciphers.encrypt(key, PLAINTEXT, PERSON)).hasSize(12 + PLAINTEXT.length + 16);
    }

    @Test
    void neverLeavesThePlaintextReadableInTheOutput() {
        byte[] sealed = Ciphers.encrypt(key, PLAINTEXT, PERSON);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(PLAINTEXT, StandardCharsets.ISO_8859_1));
    }

    @Test
    void encryptsTheSamePlaintextDifferentlyEachTimeWithAFreshNonce() {
        byte[] first = Ciphers.encrypt(key, PLAINTEXT, PERSON);
        byte[] second = Ciphers.encrypt(key, PLAINTEXT, PERSON);

        assertThat(second).isNotEqualTo(first);
        assertThat(Arrays.copyOf(second, 12)).isNotEqualTo(Arrays.copyOf(first, 12));
        assertThat(Ciphers.decrypt(key, second, PERSON)).isEqualTo(Ciphers.decrypt(key, first, PERSON));
    }

    @Test
    void refusesToDecryptAValueMovedOntoAnotherPerson() {
        byte[] sealed = Ciphers.encrypt(key, PLAINTEXT, PERSON);

        assertThatThrownBy(() -> Ciphers.decrypt(key, sealed, OTHER_PERSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("altered or moved");
    }

    @ParameterizedTest(name = "byte {0}")
    @ValueSource(ints = {0, 11, 12, 20, -1})
    void refusesToDecryptAValueWithAFlippedByte(int position) {
        byte[] sealed = Ciphers.encrypt(key, PLAINTEXT, PERSON);
        int index = position < 0 ? sealed.length + position : position;
        sealed[index] ^= 0x01;

        assertThatThrownBy(() -> Ciphers.decrypt(key, sealed, PERSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("altered or moved");
    }

    @Test
    void refusesToDecryptWithAnotherKey() {
        byte[] sealed = Ciphers.encrypt(key, PLAINTEXT, PERSON);

        assertThatThrownBy(() -> Ciphers.decrypt(Ciphers.newKey(), sealed, PERSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("altered or moved");
    }

    @Test
    void refusesToDecryptAValueCutShortAfterItsNonce() {
        byte[] sealed = Ciphers.encrypt(key, PLAINTEXT, PERSON);

        assertThatThrownBy(() -> Ciphers.decrypt(key, Arrays.copyOf(sealed, 20), PERSON))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToDecryptAValueShorterThanANonce() {
        byte[] sealed = Ciphers.encrypt(key, PLAINTEXT, PERSON);

        assertThatThrownBy(() -> Ciphers.decrypt(key, Arrays.copyOf(sealed, 5), PERSON))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void makesNewKeysOf32RandomBytes() {
        SecretKey other = Ciphers.newKey();

        assertThat(key.getAlgorithm()).isEqualTo("AES");
        assertThat(key.getEncoded()).hasSize(32);
        assertThat(other.getEncoded()).isNotEqualTo(key.getEncoded());
    }

    @Test
    void rebuildsAKeyFromItsBytes() {
        byte[] sealed = Ciphers.encrypt(key, PLAINTEXT, PERSON);

        assertThat(Ciphers.decrypt(Ciphers.key(key.getEncoded()), sealed, PERSON)).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 16, 31, 33})
    void refusesKeyBytesOfAnyLengthBut32(int length) {
        assertThatThrownBy(() -> Ciphers.key(new byte[length]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }
}
