package ro.cluj.crt.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import ro.cluj.crt.personal.MasterKey;
import ro.cluj.crt.events.audit.SigningKeys;

/**
 * The secrets of a tracker on one machine, made once and kept in the data folder, readable by its owner only, so
 * that they survive restarts: the key that signs access tokens, the master key of personal data and the Ed25519 key
 * pair that signs checkpoints of the event chain.
 */
final class LocalSecrets {

    private static final int TOKEN_SECRET_BYTES = 48;

    private LocalSecrets() {
    }

    static Path tokenSecret(Path dataDirectory) throws IOException {
        return file(dataDirectory.resolve("token-secret"), LocalSecrets::randomSecret);
    }

    /** Back this file up apart from the database: without it no personal value can be read again. */
    static Path masterKey(Path dataDirectory) throws IOException {
        return file(dataDirectory.resolve("master-key"), MasterKey::generate);
    }

    /** The private key that signs chain checkpoints; its public half is published by the audit API. */
    static Path signingKey(Path dataDirectory) throws IOException {
        return file(dataDirectory.resolve("audit-signing-key"), SigningKeys::generate);
    }

    private static Path file(Path file, Supplier<String> generator) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generator.get(), StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    private static String randomSecret() {
        byte[] key = new byte[TOKEN_SECRET_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
