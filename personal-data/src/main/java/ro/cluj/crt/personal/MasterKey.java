package ro.cluj.crt.personal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.SecretKey;

/**
 * The key that wraps every person's key. It comes from configuration ({@code crt.personal-data.master-key}, base64 of
 * 32 bytes) or from a file holding that text ({@code crt.personal-data.master-key-file}), never from code. Without
 * it no personal value can be opened: back it up apart from the database.
 */
public final class MasterKey {

    private final SecretKey key;

    private MasterKey(SecretKey key) {
        this.key = key;
    }

    public static MasterKey from(String base64, String file) {
        String text = base64;
        if ((text == null || text.isBlank()) && file != null && !file.isBlank()) {
            try {
                text = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the master key file " + file, e);
            }
        }
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("crt.personal-data.master-key (environment CRT_MASTER_KEY) or "
                    + "crt.personal-data.master-key-file (CRT_MASTER_KEY_FILE) must give the master key: base64 of "
                    + Ciphers.KEY_BYTES + " random bytes");
        }
        try {
            return new MasterKey(Ciphers.key(Base64.getDecoder().decode(text.trim())));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("crt.personal-data.master-key (CRT_MASTER_KEY) or the file that "
                    + "crt.personal-data.master-key-file (CRT_MASTER_KEY_FILE) names must hold base64 of "
                    + Ciphers.KEY_BYTES + " bytes", e);
        }
    }

    /** A new random master key as base64, for setting up a deployment. */
    public static String generate() {
        return Base64.getEncoder().encodeToString(Ciphers.newKey().getEncoded());
    }

    byte[] wrap(SecretKey personKey, String personId) {
        return Ciphers.encrypt(key, personKey.getEncoded(), "person-key:" + personId);
    }

    SecretKey unwrap(byte[] wrapped, String personId) {
        return Ciphers.key(Ciphers.decrypt(key, wrapped, "person-key:" + personId));
    }
}
