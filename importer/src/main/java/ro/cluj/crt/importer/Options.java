package ro.cluj.crt.importer;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: the tracker's address, the staff user, where the password comes from, and the data files.
 * {@code password} is set only when given with {@code --password}; otherwise it is read from {@code passwordEnv}.
 */
record Options(URI url, String user, String passwordEnv, String password, List<Path> files) {

    static final String USAGE = """
            usage: java -jar crt-importer-exec.jar [--url http://localhost:8080] [--user staff]
                   [--password-env CRT_PASSWORD | --password PASSWORD] FILE.csv...
            Submits OxCGRT and Eurofound PolicyWatch CSV files to the tracker's staff API. The password is read from
            the environment variable named by --password-env (CRT_PASSWORD unless named).""";

    static final String DEFAULT_URL = "http://localhost:8080";

    static Options parse(String... args) throws UsageException {
        URI url = url(DEFAULT_URL);
        String user = "staff";
        String passwordEnv = "CRT_PASSWORD";
        String password = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--url" -> url = url(value(args, ++i, arg));
                case "--user" -> user = value(args, ++i, arg);
                case "--password-env" -> passwordEnv = value(args, ++i, arg);
                case "--password" -> password = value(args, ++i, arg);
                default -> files.add(file(arg));
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("no data file given");
        }
        return new Options(url, user, passwordEnv, password, List.copyOf(files));
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "Options[url=" + url + ", user=" + user + ", passwordEnv=" + passwordEnv + ", password="
                + (password == null ? "not given" : "given") + ", files=" + files + "]";
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

    private static URI url(String value) throws UsageException {
        try {
            URI uri = new URI(value.endsWith("/") ? value : value + "/");
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new UsageException("--url must be an http or https address: " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--url is not an address: " + value);
        }
    }

    /** The command line is wrong. */
    static final class UsageException extends Exception {

        UsageException(String message) {
            super(message);
        }
    }
}
