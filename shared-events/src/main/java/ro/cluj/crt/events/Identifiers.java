package ro.cluj.crt.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The shape of every identifier in the tracker: an opaque token of letters, digits, '-' and '_', 1 to 64 characters,
 * so that ids are safe in paths, logs and file names.
 */
public final class Identifiers {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Identifiers() {
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    public static String requireValid(String value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException("an identifier has 1 to 64 letters, digits, '-' or '_'");
        }
        return value;
    }

    /** A new random identifier. */
    public static String random() {
        return UUID.randomUUID().toString();
    }

    /**
     * The identifier that a name always maps to (a name-based UUID), so that a create repeated with the same external
     * reference or idempotency key addresses the same aggregate.
     */
    public static String derivedFrom(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + "\u001e" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
