package ro.cluj.crt.support.operations;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import ro.cluj.crt.events.EventMetadata;
import ro.cluj.crt.support.web.CorrelationIds;

/**
 * Puts the correlation id an event carries in its metadata into the logging context while a processor handles it,
 * so that a projection's log lines name the request that caused the event, as the request's own lines do.
 */
final class CorrelationIdsInHandlers implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object correlationId = unitOfWork.getMessage().getMetaData().get(EventMetadata.CORRELATION_ID);
        String previous = MDC.get(CorrelationIds.MDC_KEY);
        if (correlationId != null) {
            MDC.put(CorrelationIds.MDC_KEY, correlationId.toString());
        }
        try {
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.remove(CorrelationIds.MDC_KEY);
            } else {
                MDC.put(CorrelationIds.MDC_KEY, previous);
            }
        }
    }
}
