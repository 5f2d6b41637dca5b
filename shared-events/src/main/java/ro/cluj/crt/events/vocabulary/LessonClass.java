package ro.cluj.crt.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a lesson learned recommends: a measure to improve, a service to scale or one to replicate. */
public enum LessonClass implements Vocabulary {

    IMPROVE("improve", "Measure to improve", "Măsură de îmbunătățit"),
    SCALE("scale", "Service to scale", "Serviciu de extins"),
    REPLICATE("replicate", "Service to replicate", "Serviciu de replicat");

    private final String code;
    private final String english;
    private final String romanian;

    LessonClass(String code, String english, String romanian) {
        this.code = code;
        this.english = english;
        this.romanian = romanian;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public String english() {
        return english;
    }

    @Override
    public String romanian() {
        return romanian;
    }

    /** The value with this code; an unknown code is rejected, never guessed. */
    @JsonCreator
    public static LessonClass fromCode(String code) {
        return Vocabularies.byCode(values(), code);
    }
}
