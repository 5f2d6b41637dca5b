package ro.cluj.crt.events.commitment;

import ro.cluj.crt.events.EventRevision;

/** A co-signer left a commitment, with the reason. */
@EventRevision("1")
public record CoSignerWithdrawn(CommitmentId commitmentId, String organisationId, String reason)
        implements CommitmentEvent {
}
