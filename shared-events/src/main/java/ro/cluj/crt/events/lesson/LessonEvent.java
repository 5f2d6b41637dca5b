package ro.cluj.crt.events.lesson;

/** Every event in a lesson's history names the lesson it belongs to. */
public interface LessonEvent {

    LessonId lessonId();
}
