package ro.cluj.crt.events.lesson;

import ro.cluj.crt.events.EventRevision;

/** Staff withdrew a lesson, with the reason; nothing changes in it afterwards. */
@EventRevision("1")
public record LessonWithdrawn(LessonId lessonId, String reason) implements LessonEvent {
}
