package ro.cluj.crt.command.commitment;

import com.fasterxml.jackson.annotation.JsonValue;
import ro.cluj.crt.events.vocabulary.Vocabulary;

/** The parts of a commitment that a revision may change; each keeps its old value in the history. */
public enum RevisablePart implements Vocabulary {
    TITLE("title", "Title", "Titlu"),
    DESCRIPTION("description", "Description", "Descriere"),
    FIELD("field", "Field", "Domeniu"),
    KIND("kind", "Kind", "Tip"),
    START_DATE("startDate", "Start date", "Data de început"),
    TARGET_DATE("targetDate", "Target date", "Termen final");

    private final String code;
    private final String english;
    private final String romanian;

    RevisablePart(String code, String english, String romanian) {
        this.code = code;
        this.english = english;
        this.romanian = romanian;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public String english() {
        return english;
    }

    @Override
    public String romanian() {
        return romanian;
    }

    public static RevisablePart fromCode(String code) {
        for (RevisablePart part : values()) {
            if (part.code.equals(code)) {
                return part;
            }
        }
        throw new IllegalArgumentException("unknown part of a commitment: " + code);
    }
}
