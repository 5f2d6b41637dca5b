package ro.cluj.crt.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of organisation. */
public enum Sector implements Vocabulary {

    CIVIL_SOCIETY("civil-society",
            "Civil society (NGOs, associations, trade unions, employers' organisations, social partners)",
            "Societate civilă (ONG-uri, asociații, sindicate, patronate, parteneri sociali)"),
    ACADEMIA("academia", "Academia", "Mediul academic"),
    BUSINESS("business", "Business", "Mediul de afaceri"),
    PUBLIC_AUTHORITY("public-authority", "Public authority", "Autoritate publică"),
    OTHER("other", "Other", "Altele");

    private final String code;
    private final String english;
    private final String romanian;

    Sector(String code, String english, String romanian) {
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
    public static Sector fromCode(String code) {
        return Vocabularies.byCode(values(), code);
    }
}
