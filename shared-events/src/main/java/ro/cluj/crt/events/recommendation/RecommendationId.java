package ro.cluj.crt.events.recommendation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ro.cluj.crt.events.Identifiers;

/** Identifies a recommendation of an initiative, from the moment someone sends it through its triage. */
public record RecommendationId(@JsonValue String value) {

    public RecommendationId {
        Identifiers.requireValid(value);
    }

    @JsonCreator
    public static RecommendationId of(String value) {
        return new RecommendationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
