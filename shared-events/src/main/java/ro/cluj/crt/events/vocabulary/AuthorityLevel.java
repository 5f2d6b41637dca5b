package ro.cluj.crt.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The level of a public authority, where known. */
public enum AuthorityLevel implements Vocabulary {

    LOCAL("local", "Local", "Local"),
    REGIONAL("regional", "Regional", "Regional"),
    NATIONAL("national", "National", "Național"),
    EUROPEAN("european", "European", "European");

    private final String code;
    private final String english;
    private final String romanian;

    AuthorityLevel(String code, String english, String romanian) {
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
    public static AuthorityLevel fromCode(String code) {
        return Vocabularies.byCode(values(), code);
    }
}
