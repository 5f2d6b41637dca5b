package ro.cluj.crt.events.session;

import ro.cluj.crt.events.EventRevision;

/** A registered participant no longer takes part; {@code reason} is absent when staff gave none. */
@EventRevision("1")
public record ParticipantWithdrawn(SessionId sessionId, String participantId, String reason)
        implements SessionEvent {
}
