package ro.cluj.crt.support.store;

import org.axonframework.serialization.RevisionResolver;
import ro.cluj.crt.events.EventRevision;

/** Reads an event's revision from {@link EventRevision}, which keeps the event classes free of Axon. */
public final class EventRevisionResolver implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventRevision revision = payloadType.getAnnotation(EventRevision.class);
        return revision == null ? null : revision.value();
    }
}
