package ro.cluj.crt.importer;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: the tracker's address, the staff user, where the password comes from, and the data files.
 * {@code password} is set only when given with {@code --password}; otherwise it is read from {@code passwordEnv}.
 * Progress reports (factsheet updates, Decidim progress) are made as the monitor user, whose password is read from
 * {@code monitorPasswordEnv}; whether a commitment exists is read from the query service at {@code queryUrl}.
 * {@code decidim} holds what a Decidim results file needs besides its rows. With {@code tokenEnv} (and
 * {@code monitorTokenEnv}) the access token is read from that environment variable instead of logging in; with
 * {@code expected} (a data set's label) every file must be of that data set.
 */
record Options(URI url, String user, String passwordEnv, String password, URI queryUrl, String monitorUser,
               String monitorPasswordEnv, DecidimSettings decidim, List<Path> files, String tokenEnv,
               String monitorTokenEnv, String expected) {

    static final String USAGE = """
            usage: java -jar crt-importer.jar [--url http://localhost:8080] [--user staff]
                   [--password-env CRT_PASSWORD | --password PASSWORD] [--query-url http://localhost:8081]
                   [--monitor-user monitor] [--monitor-password-env CRT_MONITOR_PASSWORD]
                   [--decidim-organisation NAME] [--decidim-locale en] [--decidim-kind improve-measure]
                   [--token-env NAME] [--monitor-token-env NAME] [--expect DATA-SET] FILE.csv...
            Submits OxCGRT and Eurofound PolicyWatch CSV files to the tracker's staff API. The password is read from
            the environment variable named by --password-env (CRT_PASSWORD unless named). Eurofound factsheet updates
            become commitments with progress reports; the reports are made as the monitor user, whose password is
            read from the variable named by --monitor-password-env (CRT_MONITOR_PASSWORD unless named).
            Decidim accountability results (semicolon-separated) become commitments of the organisation named by
            --decidim-organisation (required for such a file), of the kind --decidim-kind, with the title and
            description in --decidim-locale (else ro, else the first locale given); importing again updates them.
            --token-env and --monitor-token-env name environment variables holding access tokens to use instead of
            logging in; --expect (oxcgrt, eurofound, factsheet-updates, decidim-results) refuses other files.""";

    static final String DEFAULT_URL = "http://localhost:8080";
    static final String DEFAULT_QUERY_URL = "http://localhost:8081";

    static Options parse(String... args) throws UsageException {
        URI url = url(DEFAULT_URL, "--url");
        String user = "staff";
        String passwordEnv = "CRT_PASSWORD";
        String password = null;
        URI queryUrl = url(DEFAULT_QUERY_URL, "--query-url");
        String monitorUser = "monitor";
        String monitorPasswordEnv = "CRT_MONITOR_PASSWORD";
        String decidimLocale = DecidimSettings.DEFAULT_LOCALE;
        String decidimKind = DecidimSettings.DEFAULT_KIND;
        String decidimOrganisation = null;
        List<Path> files = new ArrayList<>();
        String tokenEnv = null;
        String monitorTokenEnv = null;
        String expected = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--url" -> url = url(value(args, ++i, arg), arg);
                case "--user" -> user = value(args, ++i, arg);
                case "--password-env" -> passwordEnv = value(args, ++i, arg);
                case "--password" -> password = value(args, ++i, arg);
                case "--query-url" -> queryUrl = url(value(args, ++i, arg), arg);
                case "--monitor-user" -> monitorUser = value(args, ++i, arg);
                case "--monitor-password-env" -> monitorPasswordEnv = value(args, ++i, arg);
                case "--decidim-locale" -> decidimLocale = value(args, ++i, arg).strip();
                case "--decidim-kind" -> decidimKind = kind(value(args, ++i, arg));
                case "--decidim-organisation" -> decidimOrganisation = organisation(value(args, ++i, arg));
                case "--token-env" -> tokenEnv = value(args, ++i, arg);
                case "--monitor-token-env" -> monitorTokenEnv = value(args, ++i, arg);
                case "--expect" -> expected = dataSet(value(args, ++i, arg));
                default -> files.add(file(arg));
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("no data file given");
        }
        return new Options(url, user, passwordEnv, password, queryUrl, monitorUser, monitorPasswordEnv,
                new DecidimSettings(decidimLocale, decidimKind, decidimOrganisation), List.copyOf(files), tokenEnv,
                monitorTokenEnv, expected);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "Options[url=" + url + ", user=" + user + ", passwordEnv=" + passwordEnv + ", password="
                + (password == null ? "not given" : "given") + ", queryUrl=" + queryUrl + ", monitorUser="
                + monitorUser + ", monitorPasswordEnv=" + monitorPasswordEnv + ", decidim=" + decidim + ", files="
                + files + ", tokenEnv=" + tokenEnv + ", monitorTokenEnv=" + monitorTokenEnv + ", expected=" + expected
                + "]";
    }

    private static String kind(String value) throws UsageException {
        if (!DecidimSettings.KINDS.contains(value)) {
            throw new UsageException("--decidim-kind must be one of " + String.join(", ", DecidimSettings.KINDS)
                    + ": " + value);
        }
        return value;
    }

    private static String dataSet(String value) throws UsageException {
        List<String> labels = java.util.Arrays.stream(DataSet.values()).map(DataSet::label).toList();
        if (!labels.contains(value)) {
            throw new UsageException("--expect must be one of " + String.join(", ", labels) + ": " + value);
        }
        return value;
    }

    private static String organisation(String value) throws UsageException {
        if (value.strip().length() > DecidimSettings.MAX_ORGANISATION) {
            throw new UsageException("--decidim-organisation has at most " + DecidimSettings.MAX_ORGANISATION
                    + " characters");
        }
        return value.strip();
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].isBlank()) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static Path file(String arg) throws UsageException {
        if (arg.startsWith("--")) {
            throw new UsageException("unknown option " + arg);
        }
        return Path.of(arg);
    }

    private static URI url(String value, String option) throws UsageException {
        try {
            URI uri = new URI(value.endsWith("/") ? value : value + "/");
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new UsageException(option + " must be an http or https address: " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException(option + " is not an address: " + value);
        }
    }

    /** The command line is wrong. */
    static final class UsageException extends Exception {

        UsageException(String message) {
            super(message);
        }
    }
}
