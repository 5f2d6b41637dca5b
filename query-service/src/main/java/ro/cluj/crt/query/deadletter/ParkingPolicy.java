package ro.cluj.crt.query.deadletter;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks every event a handler failed on in a savepoint, first time and after a failed retry alike (never drops one),
 * with the error described by {@link SafeCauses} and the number of attempts in the letter's diagnostics.
 */
public final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** The diagnostics key that counts how often the event was tried. */
    public static final String ATTEMPTS = "attempts";
    private static final Logger log = LoggerFactory.getLogger(ParkingPolicy.class);

    private final String group;
    private final SavepointsAfterFailure savepoints;

    public ParkingPolicy(String group, SavepointsAfterFailure savepoints) {
        this.group = group;
        this.savepoints = savepoints;
    }

    /**
     * Parks the event, unless it failed outside a savepoint: then the whole batch is rolled back and retried, with
     * savepoints, by rethrowing.
     */
    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable failure) {
        if (failure instanceof SavepointsAfterFailure.RetryWithSavepoints retry) {
            throw retry;
        }
        ThrowableCause cause = SafeCauses.of(failure);
        long attempts = attempts(letter.diagnostics()) + 1;
        EventMessage<?> event = letter.message();
        log.atWarn().setMessage("event parked in the dead-letter queue").addKeyValue("group", group)
                .addKeyValue("eventId", event.getIdentifier())
                .addKeyValue("aggregateId", event instanceof DomainEventMessage<?> domain
                        ? domain.getAggregateIdentifier() : null)
                .addKeyValue("errorType", cause.type()).addKeyValue("attempts", attempts).log();
        return Decisions.enqueue(cause, parked -> parked.diagnostics().and(ATTEMPTS, attempts));
    }

    static long attempts(MetaData diagnostics) {
        return diagnostics.get(ATTEMPTS) instanceof Number number ? number.longValue() : 0;
    }
}
