package ro.cluj.crt.command.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ro.cluj.crt.events.audit.CheckpointStatement;
import ro.cluj.crt.events.audit.SigningKeys;

/**
 * Signs chain checkpoints with the tracker's Ed25519 private key, from {@code crt.audit.signing-key} or from the file
 * {@code crt.audit.signing-key-file} names (made, readable by its owner only, when missing). Without either the chain
 * is still sealed, but no checkpoint is signed, and the service says so once at start.
 */
final class CheckpointSigner {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

    private final KeyPair keys;
    private final String keyId;

    private CheckpointSigner(KeyPair keys) {
        this.keys = keys;
        this.keyId = keys == null ? null : SigningKeys.keyId(keys.getPublic());
    }

    static CheckpointSigner from(SealerSettings settings) {
        if (settings.signingKey() != null && !settings.signingKey().isBlank()) {
            return new CheckpointSigner(SigningKeys.parse(settings.signingKey()));
        }
        if (settings.signingKeyFile() != null && !settings.signingKeyFile().isBlank()) {
            return new CheckpointSigner(SigningKeys.parse(readOrCreate(Path.of(settings.signingKeyFile()))));
        }
        log.warn("no crt.audit.signing-key or crt.audit.signing-key-file: the chain is sealed, but no checkpoint is "
                + "signed");
        return new CheckpointSigner(null);
    }

    private static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, SigningKeys.generate(), StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                log.info("made a new checkpoint signing key in {}", file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the checkpoint signing key file " + file, e);
        }
    }

    boolean signs() {
        return keys != null;
    }

    String keyId() {
        return keyId;
    }

    byte[] publicKey() {
        return keys.getPublic().getEncoded();
    }

    /** The statement for the head, stamped now (to the millisecond, as stored), and its signature. */
    Optional<Signed> sign(long linkNumber, long globalIndex, String headHash) {
        if (keys == null) {
            return Optional.empty();
        }
        CheckpointStatement statement = new CheckpointStatement(linkNumber, globalIndex, headHash,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), keyId);
        return Optional.of(new Signed(statement, SigningKeys.sign(keys.getPrivate(), statement.bytes())));
    }

    record Signed(CheckpointStatement statement, byte[] signature) {
    }
}
