package ro.cluj.crt.events.session;

import java.time.LocalDate;
import ro.cluj.crt.events.EventRevision;

/** Staff moved a session to another day, with the reason; the day it was planned for before is kept. */
@EventRevision("1")
public record SessionRescheduled(SessionId sessionId, LocalDate previousDate, LocalDate date, String reason)
        implements SessionEvent {
}
