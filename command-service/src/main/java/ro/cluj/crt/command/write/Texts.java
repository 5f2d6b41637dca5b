package ro.cluj.crt.command.write;

/** How optional texts from requests are stored: without surrounding white space, and absent when empty. */
public final class Texts {

    private Texts() {
    }

    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
