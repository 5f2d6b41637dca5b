package ro.cluj.crt.query.deadletter;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.core.Ordered;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import ro.cluj.crt.query.config.WriteBehind;

/**
 * Lets a failed event be parked without leaving half of it in the view. A failed statement aborts a PostgreSQL
 * transaction, and Axon parks the event in the batch's transaction, so the parking needs the handler's writes undone
 * by a savepoint. A savepoint costs two round trips per event, so handlers run without one until a handler fails:
 * that failure rolls the whole batch back ({@link RetryWithSavepoints}, which the {@link ParkingPolicy} passes on)
 * and for the next {@link #CAREFUL_FOR} every handler runs in a savepoint of its own, the batch's retry included,
 * where a handler that fails again is parked. Retries of parked events always run so.
 *
 * <p>Handlers may hold their writes back until the commit ({@link WriteBehind}); a held write that fails then fails
 * the commit, which likewise rolls the batch back and turns savepoints on. Inside a savepoint nothing is held: what
 * earlier handlers held is sent before it, and what the handler held is sent within it, so a failure is the event's
 * own and parks it alone.
 */
public final class SavepointsAfterFailure implements HandlerEnhancerDefinition {

    static final Duration CAREFUL_FOR = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(SavepointsAfterFailure.class);

    private final Set<String> groups;
    private final TransactionTemplate nested;
    private final AtomicLong carefulUntil = new AtomicLong(System.nanoTime());

    /** @param groups the processing groups that park failed events; other groups' handlers are left as they are */
    public SavepointsAfterFailure(Set<String> groups, PlatformTransactionManager transactions) {
        this.groups = Set.copyOf(groups);
        this.nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** From now on, and for {@link #CAREFUL_FOR}, every handler runs in a savepoint. */
    public void beCareful() {
        carefulUntil.accumulateAndGet(System.nanoTime() + CAREFUL_FOR.toNanos(), Math::max);
    }

    boolean careful() {
        return System.nanoTime() - carefulUntil.get() < 0;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        boolean parks = group != null && groups.contains(group.value());
        return parks && original.annotationAttributes(EventHandler.class).isPresent()
                ? new Guarded<>(original) : original;
    }

    /**
     * A handler failed outside a savepoint: its batch must be rolled back and tried again with savepoints. It names
     * only the failure's class: the processor logs it, and the failure's message may quote the event's data (the
     * retry parks the event with a cleaned-up message).
     */
    public static final class RetryWithSavepoints extends RuntimeException {

        RetryWithSavepoints(Exception failure) {
            super("a handler failed (" + failure.getClass().getName()
                    + "); its batch is rolled back and retried with a savepoint per event", null, false, false);
        }
    }

    private final class Guarded<T> extends WrappedMessageHandlingMember<T> {

        private Guarded(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
            if (!careful()) {
                try {
                    watchHeldWrites();
                    return super.handle(message, target);
                } catch (Exception e) {
                    throw retry(e, message.getIdentifier());
                }
            }
            try {
                WriteBehind.flushPending();
            } catch (RuntimeException e) {
                throw retry(e, message.getIdentifier());
            }
            try {
                return nested.execute(status -> {
                    try {
                        Object result = super.handle(message, target);
                        WriteBehind.flushPending();
                        return result;
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new CheckedFailure(e);
                    }
                });
            } catch (CheckedFailure failure) {
                throw failure.checked;
            }
        }
    }

    private RetryWithSavepoints retry(Exception failure, String eventId) {
        beCareful();
        log.atInfo().setMessage("handler failed; batch rolled back, retried with savepoints")
                .addKeyValue("eventId", eventId).log();
        return new RetryWithSavepoints(failure);
    }

    /**
     * Once per transaction: sends the writes handlers held back before the commit, and turns savepoints on when
     * that fails, so that the batch's retry finds the event that failed. It runs before {@link WriteBehind}'s own
     * sending, which then has nothing left.
     */
    private void watchHeldWrites() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                try {
                    WriteBehind.flushPending();
                } catch (RuntimeException e) {
                    beCareful();
                    log.atInfo().setMessage("held writes failed at commit; batch rolled back, retried with savepoints")
                            .log();
                    // the failure's message may quote the event's data, and the processor logs what it is given
                    throw new RetryWithSavepoints(e);
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(SavepointsAfterFailure.this);
            }
        });
    }

    /** Carries a handler's checked exception through the transaction template, which only passes unchecked ones. */
    private static final class CheckedFailure extends RuntimeException {

        private final Exception checked;

        private CheckedFailure(Exception checked) {
            super(null, checked, false, false);
            this.checked = checked;
        }
    }
}
