package ro.cluj.crt.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How an interview was held, or that it was documented from a published source. */
public enum Channel implements Vocabulary {

    PHONE("phone", "Phone", "Telefonic"),
    ONLINE("online", "Online", "Online"),
    IN_PERSON("in-person", "In person", "Față în față"),
    PUBLISHED_SOURCE("published-source", "Documented from a published source", "Documentat dintr-o sursă publicată");

    private final String code;
    private final String english;
    private final String romanian;

    Channel(String code, String english, String romanian) {
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
    public static Channel fromCode(String code) {
        return Vocabularies.byCode(values(), code);
    }
}
