package ro.cluj.crt.query.deadletter;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every event handler in a savepoint of the batch's transaction: when the handler fails, its writes are rolled
 * back and the transaction stays usable, so that the event can be parked and the batch goes on. Outside a
 * transaction (tools, tests) the handler runs as it is.
 */
public final class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final TransactionTemplate nested;

    public SavepointPerEvent(PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return original.annotationAttributes(EventHandler.class).isPresent() ? new Savepointed<>(original) : original;
    }

    private final class Savepointed<T> extends WrappedMessageHandlingMember<T> {

        private Savepointed(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
            try {
                return nested.execute(status -> {
                    try {
                        return super.handle(message, target);
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

    /** Carries a handler's checked exception through the transaction template, which only passes unchecked ones. */
    private static final class CheckedFailure extends RuntimeException {

        private final Exception checked;

        private CheckedFailure(Exception checked) {
            super(null, checked, false, false);
            this.checked = checked;
        }
    }
}
