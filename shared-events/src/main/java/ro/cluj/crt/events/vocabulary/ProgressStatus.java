package ro.cluj.crt.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a commitment stands, as a progress report says. */
public enum ProgressStatus implements Vocabulary {

    ON_TRACK("on-track", "On track", "Conform planului"),
    AT_RISK("at-risk", "At risk", "În risc"),
    DELAYED("delayed", "Delayed", "Întârziat"),
    BLOCKED("blocked", "Blocked", "Blocat");

    private final String code;
    private final String english;
    private final String romanian;

    ProgressStatus(String code, String english, String romanian) {
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
    public static ProgressStatus fromCode(String code) {
        return Vocabularies.byCode(values(), code);
    }
}
