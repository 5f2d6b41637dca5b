package ro.cluj.crt.events.lesson;

import ro.cluj.crt.events.EventRevision;

/** Staff drafted a lesson learned; it is not public until it is published. */
@EventRevision("1")
public record LessonDrafted(LessonId lessonId, LessonContent content) implements LessonEvent {
}
