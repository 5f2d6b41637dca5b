package ro.cluj.crt.events.interview;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ro.cluj.crt.events.Identifiers;

/** Identifies an interview, whatever later amendments change in it. */
public record InterviewId(@JsonValue String value) {

    public InterviewId {
        Identifiers.requireValid(value);
    }

    @JsonCreator
    public static InterviewId of(String value) {
        return new InterviewId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
