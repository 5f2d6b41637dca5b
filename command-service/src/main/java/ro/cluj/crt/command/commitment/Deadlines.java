package ro.cluj.crt.command.commitment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import ro.cluj.crt.command.config.Clocks;

/**
 * The deadlines a commitment keeps: a date is missed when the day after it begins in Cluj. Deadlines are scheduled
 * as a delay from the tracker's clock, so that a moved clock (tests, rehearsals) moves them too.
 */
final class Deadlines {

    static final String MILESTONE = "milestone-due";
    static final String TARGET = "target-date";

    /** A milestone falls due; it fires for the due date it was scheduled with, which a rescheduling outdates. */
    record MilestoneDue(String milestoneId, LocalDate dueDate) {
    }

    record TargetDue(LocalDate targetDate) {
    }

    private Deadlines() {
    }

    static void milestone(DeadlineManager deadlines, String commitmentId, String milestoneId, LocalDate dueDate) {
        deadlines.schedule(delayUntilPassed(dueDate), MILESTONE, new MilestoneDue(milestoneId, dueDate),
                scope(commitmentId));
    }

    static void target(DeadlineManager deadlines, String commitmentId, LocalDate targetDate) {
        deadlines.schedule(delayUntilPassed(targetDate), TARGET, new TargetDue(targetDate), scope(commitmentId));
    }

    /** Named explicitly: while a commitment is being made, the aggregate in scope has no identifier yet. */
    private static ScopeDescriptor scope(String commitmentId) {
        return new AggregateScopeDescriptor(Commitment.class.getSimpleName(), commitmentId);
    }

    private static Duration delayUntilPassed(LocalDate date) {
        Instant passed = date.plusDays(1).atStartOfDay(Clocks.CLUJ).toInstant();
        Duration delay = Duration.between(GenericEventMessage.clock.instant(), passed);
        return delay.isNegative() ? Duration.ZERO : delay;
    }
}
