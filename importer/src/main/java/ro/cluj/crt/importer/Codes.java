package ro.cluj.crt.importer;

import java.util.Locale;

/** The API's code for a constant of one of its vocabularies: the name in lower case, '-' between words. */
final class Codes {

    private Codes() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
