package ro.cluj.crt.events.session;

import ro.cluj.crt.events.EventRevision;

/** Staff cancelled a session that had not been held, with the reason; nothing changes in it afterwards. */
@EventRevision("1")
public record SessionCancelled(SessionId sessionId, String reason) implements SessionEvent {
}
