package ro.cluj.crt.events.lesson;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ro.cluj.crt.events.Identifiers;

/** Identifies a lesson learned, whatever later revisions change in it. */
public record LessonId(@JsonValue String value) {

    public LessonId {
        Identifiers.requireValid(value);
    }

    @JsonCreator
    public static LessonId of(String value) {
        return new LessonId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
