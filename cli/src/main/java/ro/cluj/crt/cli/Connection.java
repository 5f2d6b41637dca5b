package ro.cluj.crt.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/**
 * Where the tracker is and who we are, shared by the commands that talk to it. Tokens and passwords are better kept
 * out of the command line (other users of the machine can read it): set {@code CRT_TOKEN} or {@code CRT_PASSWORD}.
 */
final class Connection {

    static final String DEFAULT_URL = "http://localhost:8080";
    static final String DEFAULT_QUERY_URL = "http://localhost:8081";

    @Option(names = "--url", paramLabel = "URL", description = "the command service (staff API, login); "
            + "CRT_URL, else " + DEFAULT_URL)
    URI url;

    @Option(names = "--query-url", paramLabel = "URL", description = "the query service (read, audit and admin "
            + "API); CRT_QUERY_URL, else " + DEFAULT_QUERY_URL)
    URI queryUrl;

    @Option(names = "--token", paramLabel = "TOKEN", description = "an access token (else CRT_TOKEN)")
    String token;

    @Option(names = "--user", paramLabel = "NAME", description = "log in as this user instead of giving a token")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "the user's password (else CRT_PASSWORD)")
    String password;
}
