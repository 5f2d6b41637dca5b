package ro.cluj.crt.events.vocabulary;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Lookups shared by every vocabulary. */
public final class Vocabularies {

    private Vocabularies() {
    }

    static <T extends Enum<T> & Vocabulary> T byCode(T[] values, String code) {
        for (T value : values) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown value '" + abbreviate(code) + "'; allowed: "
                + Arrays.stream(values).map(Vocabulary::code).collect(Collectors.joining(", ")));
    }

    private static String abbreviate(String code) {
        if (code == null) {
            return "null";
        }
        return code.length() <= 40 ? code : code.substring(0, 40) + "…";
    }
}
