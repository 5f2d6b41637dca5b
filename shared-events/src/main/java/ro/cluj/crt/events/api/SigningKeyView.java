package ro.cluj.crt.events.api;

import java.time.Instant;
import java.util.List;

/**
 * The public key that signs the tracker's chain checkpoints: {@code publicKey} is the base64 of its X.509
 * SubjectPublicKeyInfo encoding, {@code pem} the same as a PEM block. {@code allKeys} lists every key that ever signed
 * a checkpoint, the current one included, oldest first.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record SigningKeyView(String algorithm, String keyId, String publicKey, String pem, Instant firstUsedAt,
                             List<SigningKeyView> allKeys) {
}
