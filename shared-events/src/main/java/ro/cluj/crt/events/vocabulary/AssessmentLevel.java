package ro.cluj.crt.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A monitor's assessment of how far a commitment was kept. */
public enum AssessmentLevel implements Vocabulary {

    NOT_STARTED("not-started", "Not started", "Neînceput"),
    LIMITED("limited", "Limited", "Limitat"),
    SUBSTANTIAL("substantial", "Substantial", "Substanțial"),
    COMPLETE("complete", "Complete", "Complet");

    private final String code;
    private final String english;
    private final String romanian;

    AssessmentLevel(String code, String english, String romanian) {
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
    public static AssessmentLevel fromCode(String code) {
        return Vocabularies.byCode(values(), code);
    }
}
