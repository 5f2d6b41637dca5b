package ro.cluj.crt.events.commitment;

import ro.cluj.crt.events.EventRevision;

/** A fulfilled or abandoned commitment was opened again, with the reason. */
@EventRevision("1")
public record CommitmentReopened(CommitmentId commitmentId, String reason) implements CommitmentEvent {
}
