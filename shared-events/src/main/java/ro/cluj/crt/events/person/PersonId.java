package ro.cluj.crt.events.person;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ro.cluj.crt.events.Identifiers;

/** Identifies a person across the tracker, whatever organisations or roles they appear in; opaque by design. */
public record PersonId(@JsonValue String value) {

    public PersonId {
        Identifiers.requireValid(value);
    }

    @JsonCreator
    public static PersonId of(String value) {
        return new PersonId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
