package ro.cluj.crt.query.follow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A line of plain text saying what a timeline entry changed, for feed readers. */
final class ChangeSummaries {

    private static final int MAX_LENGTH = 2000;

    private ChangeSummaries() {
    }

    /** "ProgressReported" as "Progress reported". */
    static String label(String eventType) {
        String words = eventType.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String of(String eventType, Map<String, Object> content, String reason) {
        List<String> parts = new ArrayList<>();
        if (eventType.equals("CommitmentRevised")) {
            parts.add(content.get("part") + ": " + content.get("previousValue") + " → " + content.get("value"));
        } else {
            content.forEach((name, value) -> {
                if (!name.equals("reason") && value != null && !(value instanceof Map<?, ?>)
                        && !(value instanceof Collection<?> list && list.isEmpty())) {
                    parts.add(name + ": " + (value instanceof Collection<?> list ? join(list) : value));
                }
            });
        }
        String text = label(eventType) + (parts.isEmpty() ? "." : ". " + String.join("; ", parts) + ".");
        if (reason != null && !reason.isBlank()) {
            text += " Reason: " + reason;
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH - 1) + "…" : text;
    }

    private static String join(Collection<?> values) {
        List<String> texts = new ArrayList<>();
        for (Object value : values) {
            texts.add(value instanceof Map<?, ?> map && map.containsKey("title") ? String.valueOf(map.get("title"))
                    : String.valueOf(value));
        }
        return String.join(", ", texts);
    }
}
