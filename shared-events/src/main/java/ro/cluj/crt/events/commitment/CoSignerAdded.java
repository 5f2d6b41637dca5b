package ro.cluj.crt.events.commitment;

import ro.cluj.crt.events.EventRevision;

/** An organisation joined a commitment as co-signer. */
@EventRevision("1")
public record CoSignerAdded(CommitmentId commitmentId, String organisationId) implements CommitmentEvent {
}
