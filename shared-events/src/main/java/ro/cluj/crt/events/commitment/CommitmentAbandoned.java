package ro.cluj.crt.events.commitment;

import ro.cluj.crt.events.EventRevision;

/** The commitment was given up, with the reason. */
@EventRevision("1")
public record CommitmentAbandoned(CommitmentId commitmentId, String reason) implements CommitmentEvent {
}
