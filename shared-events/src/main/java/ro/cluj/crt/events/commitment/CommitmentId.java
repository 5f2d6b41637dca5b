package ro.cluj.crt.events.commitment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ro.cluj.crt.events.Identifiers;

/** Identifies a commitment for as long as it is followed. */
public record CommitmentId(@JsonValue String value) {

    public CommitmentId {
        Identifiers.requireValid(value);
    }

    @JsonCreator
    public static CommitmentId of(String value) {
        return new CommitmentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
