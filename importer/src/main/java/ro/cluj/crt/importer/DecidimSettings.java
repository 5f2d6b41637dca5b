package ro.cluj.crt.importer;

import java.util.List;

/**
 * What a Decidim results file does not say and the tracker needs, from the command line: the locale whose title and
 * description to prefer, the kind of every commitment, and the organisation whose results they are ({@code null}
 * when not given: a Decidim file then cannot be imported).
 */
record DecidimSettings(String locale, String kind, String organisation) {

    static final String DEFAULT_LOCALE = "en";
    static final String DEFAULT_KIND = "improve-measure";
    /** The longest organisation name the tracker takes. */
    static final int MAX_ORGANISATION = 500;
    /** The tracker's commitment kinds (its vocabulary); Decidim has nothing like them. */
    static final List<String> KINDS = List.of("improve-measure", "scale-service", "replicate-service",
            "provide-support");

    static DecidimSettings defaults() {
        return new DecidimSettings(DEFAULT_LOCALE, DEFAULT_KIND, null);
    }
}
