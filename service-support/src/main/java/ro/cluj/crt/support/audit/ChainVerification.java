package ro.cluj.crt.support.audit;

import java.time.Instant;
import java.util.List;

/**
 * What a verification of the event chain found: how much it covered, the head it reached, and every problem (the
 * first {@value ChainVerifier#MAX_PROBLEMS} of them, in chain order, then the unsealed events). {@code valid} is true
 * when there is no problem; events written within the grace period and not sealed yet are only counted as pending.
 */
public record ChainVerification(boolean valid, Instant verifiedAt, long links, long events, long pendingEvents,
                                long checkpoints, Long lastLinkNumber, Long lastGlobalIndex, String headHash,
                                Instant lastSealedAt, long problemCount, Problem firstProblem,
                                List<Problem> problems) {

    /**
     * One broken thing. Kinds: {@code hash-mismatch} (the event's stored bytes are not those sealed),
     * {@code event-missing} (a link whose event is gone), {@code link-missing} (link numbers skip),
     * {@code link-altered} (a link's previous hash is not the hash of the link before), {@code unsealed} (an event
     * older than the grace period without a link), {@code checkpoint-mismatch} (a signed checkpoint names a head the
     * chain does not have), {@code checkpoint-signature} (a checkpoint's signature does not verify).
     */
    public record Problem(String kind, Long linkNumber, Long globalIndex, String detail) {
    }
}
