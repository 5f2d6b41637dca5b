package ro.cluj.crt.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("MasterKey")
class MasterKeyTest {

    private static final String SETTING = "crt.personal-data.master-key";
    private static final String PERSON = "person-7";
    private static final String OTHER_PERSON = "person-8";

    @Nested
    @DisplayName("from configuration")
    class FromConfiguration {

        @ParameterizedTest(name = "key [{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n "})
        void refusesToStartWithoutAKeyAndNamesTheSettings(String base64) {
            assertThatThrownBy(() -> MasterKey.from(base64, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(SETTING)
                    .hasMessageContaining("crt.personal-data.master-key-file");
        }

        @Test
        void refusesAKeyThatIsNotBase64AndNamesTheSetting() {
            assertThatThrownBy(() -> MasterKey.from("not base64", null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(SETTING);
        }

        @ParameterizedTest(name = "{0} bytes")
        @ValueSource(ints = {16, 31, 33, 64})
        void refusesAKeyOfTheWrongLengthAndNamesTheSetting(int length) {
            String base64 = Base64.getEncoder().encodeToString(new byte[length]);

            assertThatThrownBy(() -> MasterKey.from(base64, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(SETTING);
        }

        @Test
        void acceptsAGeneratedKeyWithSurroundingWhitespace() {
            MasterKey masterKey = MasterKey.from("  " + MasterKey.generate() + "\n", null);

            assertUnwrapsWhatItWrapped(masterKey);
        }
    }

    @Nested
    @DisplayName("from a file")
    class FromFile {

        @Test
        void readsTheKeyFromAFileEndingInANewline(@TempDir Path directory) throws Exception {
            String base64 = MasterKey.generate();
            Path file = Files.writeString(directory.resolve("master.key"), base64 + "\n", StandardCharsets.US_ASCII);
            SecretKey personKey = Ciphers.newKey();

            byte[] wrapped = MasterKey.from(null, file.toString()).wrap(personKey, PERSON);

            assertThat(MasterKey.from(base64, null).unwrap(wrapped, PERSON).getEncoded())
                    .isEqualTo(personKey.getEncoded());
        }

        @Test
        void readsTheFileWhenTheKeySettingIsBlank(@TempDir Path directory) throws Exception {
            Path file = Files.writeString(directory.resolve("master.key"), MasterKey.generate());

            assertUnwrapsWhatItWrapped(MasterKey.from(" ", file.toString()));
        }

        @Test
        void prefersTheKeySettingOverTheFile(@TempDir Path directory) throws Exception {
            String base64 = MasterKey.generate();
            Path file = Files.writeString(directory.resolve("master.key"), MasterKey.generate());
            SecretKey personKey = Ciphers.newKey();

            byte[] wrapped = MasterKey.from(base64, file.toString()).wrap(personKey, PERSON);

            assertThat(MasterKey.from(base64, null).unwrap(wrapped, PERSON).getEncoded())
                    .isEqualTo(personKey.getEncoded());
        }

        @Test
        void refusesAnEmptyFileAndNamesTheSettings(@TempDir Path directory) throws Exception {
            Path file = Files.writeString(directory.resolve("master.key"), "\n");

            assertThatThrownBy(() -> MasterKey.from(null, file.toString()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("crt.personal-data.master-key-file");
        }

        @Test
        void refusesAMissingFileAndNamesIt(@TempDir Path directory) {
            String missing = directory.resolve("missing.key").toString();

            assertThatThrownBy(() -> MasterKey.from(null, missing))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(missing);
        }
    }

    @Nested
    @DisplayName("wrapping person keys")
    class Wrapping {

        private final MasterKey masterKey = MasterKey.from(MasterKey.generate(), null);

        @Test
        void unwrapsThePersonKeyItWrapped() {
            assertUnwrapsWhatItWrapped(masterKey);
        }

        @Test
        void wrapsTheSamePersonKeyDifferentlyEachTime() {
            SecretKey personKey = Ciphers.newKey();

            assertThat(masterKey.wrap(personKey, PERSON)).isNotEqualTo(masterKey.wrap(personKey, PERSON));
        }

        @Test
        void refusesToUnwrapAKeyWrappedForAnotherPerson() {
            byte[] wrapped = masterKey.wrap(Ciphers.newKey(), PERSON);

            assertThatThrownBy(() -> masterKey.unwrap(wrapped, OTHER_PERSON))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void refusesToUnwrapWithAnotherMasterKey() {
            byte[] wrapped = masterKey.wrap(Ciphers.newKey(), PERSON);
            MasterKey other = MasterKey.from(MasterKey.generate(), null);

            assertThatThrownBy(() -> other.unwrap(wrapped, PERSON))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    @DisplayName("generate")
    class Generate {

        @Test
        void generatesBase64Of32Bytes() {
            assertThat(Base64.getDecoder().decode(MasterKey.generate())).hasSize(32);
        }

        @Test
        void generatesADifferentKeyEachTime() {
            assertThat(MasterKey.generate()).isNotEqualTo(MasterKey.generate());
        }

        @Test
        void generatesAKeyThatFromAccepts() {
            assertUnwrapsWhatItWrapped(MasterKey.from(MasterKey.generate(), null));
        }
    }

    private static void assertUnwrapsWhatItWrapped(MasterKey masterKey) {
        SecretKey personKey = Ciphers.newKey();

        SecretKey unwrapped = masterKey.unwrap(masterKey.wrap(personKey, PERSON), PERSON);

        assertThat(unwrapped.getEncoded()).isEqualTo(personKey.getEncoded());
        assertThat(unwrapped.getAlgorithm()).isEqualTo("AES");
    }
}
