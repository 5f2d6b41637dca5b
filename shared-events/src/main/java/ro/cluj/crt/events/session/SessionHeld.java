package ro.cluj.crt.events.session;

import java.time.LocalDate;
import ro.cluj.crt.events.EventRevision;

/** The session took place on {@code heldOn} (a day in Cluj, not after the day it was recorded). */
@EventRevision("1")
public record SessionHeld(SessionId sessionId, LocalDate heldOn) implements SessionEvent {
}
