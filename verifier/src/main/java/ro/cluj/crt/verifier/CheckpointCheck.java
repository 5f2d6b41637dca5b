package ro.cluj.crt.verifier;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import ro.cluj.crt.events.audit.CheckpointStatement;
import ro.cluj.crt.events.audit.SigningKeys;

/**
 * Checks the manifest's signed checkpoints: each statement, rebuilt from its fields as the tracker signs it
 * ({@link CheckpointStatement}), must verify with the trusted public key of its key id (Ed25519: the keys the auditor
 * pinned, else the manifest's own), and name the global index and head hash that the recomputed chain has at that
 * link.
 */
final class CheckpointCheck {

    private CheckpointCheck() {
    }

    /** @return how many checkpoints held */
    static int check(Manifest manifest, Map<String, String> trustedKeys, Map<Long, ChainCheck.Link> chain,
                     Problems problems) {
        int held = 0;
        for (Manifest.Checkpoint checkpoint : manifest.checkpoints()) {
            long link = checkpoint.linkNumber();
            if (link < manifest.fromLink() || link > manifest.toLink()) {
                problems.atLink(link, "checkpoint-out-of-range", "the checkpoint is outside the exported range");
                continue;
            }
            boolean signed = signatureHolds(trustedKeys, checkpoint, problems);
            ChainCheck.Link at = chain.get(link);
            boolean matches = at != null && at.globalIndex() == checkpoint.globalIndex()
                    && at.hash().equals(checkpoint.headHash());
            if (!matches) {
                problems.atLink(link, "checkpoint-mismatch", at == null ? "the signed checkpoint names a link the "
                        + "export does not have" : "the signed checkpoint names another head than the chain has");
            }
            held += signed && matches ? 1 : 0;
        }
        return held;
    }

    private static boolean signatureHolds(Map<String, String> trustedKeys, Manifest.Checkpoint checkpoint,
                                          Problems problems) {
        long link = checkpoint.linkNumber();
        String key = trustedKeys.get(checkpoint.keyId());
        if (key == null) {
            problems.atLink(link, "checkpoint-untrusted-key", "signed with key " + checkpoint.keyId()
                    + ", which is not among the trusted keys " + trustedKeys.keySet());
            return false;
        }
        try {
            PublicKey publicKey = SigningKeys.publicKey(Base64.getDecoder().decode(key));
            if (!SigningKeys.keyId(publicKey).equals(checkpoint.keyId())) {
                problems.atLink(link, "checkpoint-signature", "the public key listed as " + checkpoint.keyId()
                        + " has another id");
                return false;
            }
            CheckpointStatement statement = new CheckpointStatement(link, checkpoint.globalIndex(),
                    checkpoint.headHash(), Instant.parse(checkpoint.recordedAt()), checkpoint.keyId());
            if (!statement.text().equals(checkpoint.statement())) {
                problems.atLink(link, "checkpoint-statement", "the listed statement is not the one its fields make");
            }
            if (!SigningKeys.verify(publicKey, statement.bytes(), Base64.getDecoder().decode(checkpoint.signature()))) {
                problems.atLink(link, "checkpoint-signature", "the signature does not verify with key "
                        + checkpoint.keyId());
                return false;
            }
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException | DateTimeParseException
                 | NullPointerException e) {
            problems.atLink(link, "checkpoint-signature", "the checkpoint or its key cannot be read: "
                    + e.getMessage());
            return false;
        }
    }
}
