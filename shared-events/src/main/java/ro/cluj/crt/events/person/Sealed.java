package ro.cluj.crt.events.person;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A personal value as events carry it: encrypted with the key of the person it belongs to, so that destroying that
 * key erases the value everywhere it was stored while the event itself stays byte for byte as it was. The text is
 * opaque ({@code v1.} followed by base64 of nonce and ciphertext); only the personal-data vault opens it.
 */
public record Sealed(@JsonValue String text) {

    public Sealed {
        Objects.requireNonNull(text, "text");
    }

    @JsonCreator
    public static Sealed of(String text) {
        return new Sealed(text);
    }

    @Override
    public String toString() {
        return "Sealed[…]";
    }
}
