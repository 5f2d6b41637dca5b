package ro.cluj.crt.events.lesson;

import ro.cluj.crt.events.EventRevision;

/**
 * Staff revised a draft or published lesson, with the reason. {@code previous} is the content before the revision,
 * so that what a published lesson said stays readable in the event itself.
 */
@EventRevision("1")
public record LessonRevised(LessonId lessonId, LessonContent previous, LessonContent content, String reason)
        implements LessonEvent {
}
