package ro.cluj.crt.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs access tokens on one machine: {@code CRT_TOKEN_SECRET} when set, else a random key kept in the
 * data folder (readable by its owner only), so that tokens stay valid across restarts.
 */
final class TokenSecret {

    private static final int BYTES = 48;

    private TokenSecret() {
    }

    static String load(StandaloneTracker.Settings settings) throws IOException {
        if (settings.tokenSecret() != null) {
            return settings.tokenSecret();
        }
        Path file = settings.dataDirectory().resolve("token-secret");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        String secret = Base64.getEncoder().encodeToString(key);
        Files.createDirectories(settings.dataDirectory());
        Files.writeString(file, secret, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return secret;
    }
}
