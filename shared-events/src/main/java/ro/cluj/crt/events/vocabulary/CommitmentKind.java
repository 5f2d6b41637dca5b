package ro.cluj.crt.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a commitment promises to do. */
public enum CommitmentKind implements Vocabulary {

    IMPROVE_MEASURE("improve-measure", "Improve a measure", "Îmbunătățirea unei măsuri"),
    SCALE_SERVICE("scale-service", "Scale a service", "Extinderea unui serviciu"),
    REPLICATE_SERVICE("replicate-service", "Replicate a service", "Replicarea unui serviciu"),
    PROVIDE_SUPPORT("provide-support", "Provide support", "Oferirea de sprijin");

    private final String code;
    private final String english;
    private final String romanian;

    CommitmentKind(String code, String english, String romanian) {
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
    public static CommitmentKind fromCode(String code) {
        return Vocabularies.byCode(values(), code);
    }
}
