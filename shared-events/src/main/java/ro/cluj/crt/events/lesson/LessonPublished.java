package ro.cluj.crt.events.lesson;

import ro.cluj.crt.events.EventRevision;

/** Staff published a lesson: from now on anyone can read it. */
@EventRevision("1")
public record LessonPublished(LessonId lessonId) implements LessonEvent {
}
