package ro.cluj.crt.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What staff decide about a recommended initiative: document it, it repeats another one, or it is not for us. */
public enum TriageDecision implements Vocabulary {

    ACCEPTED("accepted", "Accepted", "Acceptată"),
    DUPLICATE("duplicate", "Duplicate", "Duplicat"),
    OUT_OF_SCOPE("out-of-scope", "Out of scope", "În afara domeniului");

    private final String code;
    private final String english;
    private final String romanian;

    TriageDecision(String code, String english, String romanian) {
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
    public static TriageDecision fromCode(String code) {
        return Vocabularies.byCode(values(), code);
    }
}
