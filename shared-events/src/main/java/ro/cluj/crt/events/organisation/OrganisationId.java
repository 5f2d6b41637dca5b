package ro.cluj.crt.events.organisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ro.cluj.crt.events.Identifiers;

/** Identifies an organisation for as long as the tracker exists. */
public record OrganisationId(@JsonValue String value) {

    public OrganisationId {
        Identifiers.requireValid(value);
    }

    @JsonCreator
    public static OrganisationId of(String value) {
        return new OrganisationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
