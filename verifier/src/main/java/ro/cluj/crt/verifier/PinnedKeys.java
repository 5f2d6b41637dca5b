package ro.cluj.crt.verifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ro.cluj.crt.events.audit.SigningKeys;

/**
 * The public keys an auditor pinned with {@code --public-key}: each the base64 X.509 form that
 * {@code /api/audit/public-key} answers, given as text or as a file holding it. Answered by key id.
 */
final class PinnedKeys {

    private PinnedKeys() {
    }

    static Map<String, String> read(List<String> arguments) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String argument : arguments) {
            Path file = Path.of(argument);
            String text = Files.isRegularFile(file) ? Files.readString(file).strip() : argument.strip();
            try {
                keys.put(SigningKeys.keyId(SigningKeys.publicKey(Base64.getDecoder().decode(text))), text);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalArgumentException("not a base64 Ed25519 public key, nor a file holding one: "
                        + (argument.length() > 40 ? argument.substring(0, 40) + "..." : argument));
            }
        }
        return keys;
    }
}
