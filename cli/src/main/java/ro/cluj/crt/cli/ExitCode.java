package ro.cluj.crt.cli;

/** What {@code crt} exits with. */
final class ExitCode {

    /** Done, and everything checked out. */
    static final int OK = 0;
    /** Done, but problems were found (bad records, a broken chain, a checksum that differs) or the server said no. */
    static final int PROBLEMS = 1;
    /** The command line is wrong: an unknown option, a missing argument, no credentials, a missing file. */
    static final int USAGE = 2;
    /** The tracker could not be reached, or it refused the credentials (login refused, token rejected: 401, 403). */
    static final int UNREACHABLE = 3;

    private ExitCode() {
    }
}
