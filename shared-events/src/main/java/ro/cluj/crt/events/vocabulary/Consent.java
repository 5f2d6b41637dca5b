package ro.cluj.crt.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Consent to publication of what an interview recorded. */
public enum Consent implements Vocabulary {

    NOT_FOR_PUBLICATION("not-for-publication", "Not for publication", "Nu se publică"),
    PUBLISH_WITHOUT_NAME("publish-without-name",
            "Publish without naming the organisation",
            "Se publică fără numele organizației"),
    PUBLISH("publish", "Publish", "Se publică");

    private final String code;
    private final String english;
    private final String romanian;

    Consent(String code, String english, String romanian) {
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
    public static Consent fromCode(String code) {
        return Vocabularies.byCode(values(), code);
    }
}
