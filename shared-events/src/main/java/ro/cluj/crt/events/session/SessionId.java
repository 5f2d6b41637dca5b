package ro.cluj.crt.events.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ro.cluj.crt.events.Identifiers;

/** Identifies a working session, whatever later rescheduling changes in it. */
public record SessionId(@JsonValue String value) {

    public SessionId {
        Identifiers.requireValid(value);
    }

    @JsonCreator
    public static SessionId of(String value) {
        return new SessionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
