package ro.cluj.crt.support.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import ro.cluj.crt.events.EventMetadata;

/**
 * Copies who, from which request and why from a command to every event it causes, and names the command as the
 * events' cause. Events caused by a deadline are the tracker's own: their actor is {@code system}.
 */
final class EventOriginProvider implements CorrelationDataProvider {

    private static final List<String> INHERITED = List.of(
            EventMetadata.ACTOR_ID, EventMetadata.ACTOR_ROLE, EventMetadata.CORRELATION_ID, EventMetadata.REASON);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (message instanceof DeadlineMessage<?> deadline) {
            return Map.of(EventMetadata.ACTOR_ID, EventMetadata.SYSTEM_ACTOR,
                    EventMetadata.ACTOR_ROLE, EventMetadata.SYSTEM_ACTOR,
                    EventMetadata.CORRELATION_ID, deadline.getIdentifier(),
                    EventMetadata.CAUSATION_ID, deadline.getIdentifier(),
                    EventMetadata.REASON, "the date passed (deadline " + deadline.getDeadlineName() + ")");
        }
        Map<String, Object> data = new HashMap<>();
        for (String key : INHERITED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.put(EventMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
