package ro.cluj.crt.events.commitment;

import ro.cluj.crt.events.EventRevision;

/** Staff added a milestone to a commitment. */
@EventRevision("1")
public record MilestoneAdded(CommitmentId commitmentId, Milestone milestone) implements CommitmentEvent {
}
