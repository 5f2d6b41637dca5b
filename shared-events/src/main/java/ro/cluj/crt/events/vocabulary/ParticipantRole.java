package ro.cluj.crt.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The part a participant plays in a working session. Participants are organisations (and positions in them), never
 * named people.
 */
public enum ParticipantRole implements Vocabulary {

    DECISION_MAKER("decision-maker", "Decision-maker", "Factor de decizie"),
    ORGANISATION_REPRESENTATIVE("organisation-representative", "Organisation representative",
            "Reprezentant al organizației"),
    EXPERT("expert", "Expert", "Expert"),
    FACILITATOR("facilitator", "Facilitator", "Facilitator");

    private final String code;
    private final String english;
    private final String romanian;

    ParticipantRole(String code, String english, String romanian) {
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
    public static ParticipantRole fromCode(String code) {
        return Vocabularies.byCode(values(), code);
    }
}
