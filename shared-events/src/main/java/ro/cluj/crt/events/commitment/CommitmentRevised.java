package ro.cluj.crt.events.commitment;

import ro.cluj.crt.events.EventRevision;

/** Staff revised one part of a commitment, with the reason; the old value stays in the history. */
@EventRevision("1")
public record CommitmentRevised(CommitmentId commitmentId, String part, String previousValue, String value,
                                String reason) implements CommitmentEvent {
}
