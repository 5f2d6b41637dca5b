package ro.cluj.crt.support.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import ro.cluj.crt.events.EventMetadata;

/**
 * Copies who, from which request and why from a command to every event it causes, and names the command as the
 * events' cause.
 */
final class EventOriginProvider implements CorrelationDataProvider {

    private static final List<String> INHERITED = List.of(
            EventMetadata.ACTOR_ID, EventMetadata.ACTOR_ROLE, EventMetadata.CORRELATION_ID, EventMetadata.REASON);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
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
