package ro.cluj.crt.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * The text clean-up that SOURCES.md asks for: every line break (CRLF or a bare CR) becomes a line feed, and the
 * spaces around a value go.
 */
final class Text {

    private static final String LIST_SEPARATOR = "; ";

    private Text() {
    }

    /** The cleaned value, or {@code null} when nothing is left. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = value.replace("\r\n", "\n").replace('\r', '\n').strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** The parts of a multi-valued column ({@code "; "} between values), cleaned, without empty parts. */
    static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        if (value == null) {
            return parts;
        }
        for (String part : value.split(LIST_SEPARATOR, -1)) {
            String cleaned = clean(part);
            if (cleaned != null) {
                parts.add(cleaned);
            }
        }
        return parts;
    }
}
