package ro.cluj.crt.events.session;

import java.time.LocalDate;
import java.util.List;
import ro.cluj.crt.events.EventRevision;

/**
 * Staff scheduled a public working session on a topic, at a place, a link or both, to discuss the linked lessons.
 *
 * @param date the day it is planned for (in Cluj); may be in the future
 * @param link an http(s) address for taking part online
 */
@EventRevision("1")
public record SessionScheduled(SessionId sessionId, String topic, LocalDate date, String place, String link,
                               List<String> lessonIds) implements SessionEvent {

    public SessionScheduled {
        lessonIds = lessonIds == null ? List.of() : List.copyOf(lessonIds);
    }
}
