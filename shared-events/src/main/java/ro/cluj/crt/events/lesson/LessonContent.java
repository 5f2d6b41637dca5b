package ro.cluj.crt.events.lesson;

import java.util.List;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.LessonClass;

/**
 * Everything a lesson says: a revision replaces it whole, and the event that does so keeps the previous one.
 *
 * @param lessonClass whether the lesson is about a measure to improve, or a service to scale or replicate
 * @param sources     the interviews and measures it is traced to, in the order staff gave them
 */
public record LessonContent(String title, String text, Field field, LessonClass lessonClass,
                            List<LessonSource> sources) {

    public LessonContent {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
