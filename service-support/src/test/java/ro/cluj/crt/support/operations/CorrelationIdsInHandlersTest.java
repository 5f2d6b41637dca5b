package ro.cluj.crt.support.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import ro.cluj.crt.events.EventMetadata;
import ro.cluj.crt.support.web.CorrelationIds;

class CorrelationIdsInHandlersTest {

    private final CorrelationIdsInHandlers interceptor = new CorrelationIdsInHandlers();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void anEventHandlerLogsTheCorrelationIdOfTheRequestThatCausedTheEvent() throws Exception {
        String seen = handle(event(Map.of(EventMetadata.CORRELATION_ID, "c0ffee00-0000-4000-8000-000000000001")));

        assertThat(seen).isEqualTo("c0ffee00-0000-4000-8000-000000000001");
        assertThat(MDC.get(CorrelationIds.MDC_KEY)).isNull();
    }

    @Test
    void theThreadsOwnCorrelationIdComesBackAfterTheHandler() throws Exception {
        MDC.put(CorrelationIds.MDC_KEY, "request-id");

        String seen = handle(event(Map.of(EventMetadata.CORRELATION_ID, "event-id")));

        assertThat(seen).isEqualTo("event-id");
        assertThat(MDC.get(CorrelationIds.MDC_KEY)).isEqualTo("request-id");
    }

    @Test
    void anEventWithoutOneLeavesTheContextAlone() throws Exception {
        assertThat(handle(event(Map.of()))).isNull();
        assertThat(MDC.get(CorrelationIds.MDC_KEY)).isNull();
    }

    private String handle(EventMessage<?> event) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            new DefaultInterceptorChain<EventMessage<?>>(unitOfWork, List.of(interceptor),
                    message -> {
                        seen.set(MDC.get(CorrelationIds.MDC_KEY));
                        return null;
                    }).proceed();
        } finally {
            unitOfWork.rollback();
        }
        return seen.get();
    }

    private static EventMessage<?> event(Map<String, String> metadata) {
        return GenericEventMessage.asEventMessage("payload").andMetaData(MetaData.from(metadata));
    }
}
