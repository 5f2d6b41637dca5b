package ro.cluj.crt.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** When the support is needed. */
public enum SupportHorizon implements Vocabulary {

    IMMEDIATE("immediate", "Immediately", "Imediat"),
    SHORT_TERM("short-term", "Short term (weeks)", "Termen scurt (săptămâni)"),
    MEDIUM_TERM("medium-term", "Medium term (months)", "Termen mediu (luni)"),
    LONG_TERM("long-term", "Long term (a year or more)", "Termen lung (un an sau mai mult)");

    private final String code;
    private final String english;
    private final String romanian;

    SupportHorizon(String code, String english, String romanian) {
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
    public static SupportHorizon fromCode(String code) {
        return Vocabularies.byCode(values(), code);
    }
}
