package ro.cluj.crt.cli;

/** The tracker could not be reached, refused us, or answered with a problem: a message for people, and an exit code. */
final class TrackerException extends RuntimeException {

    private final int exitCode;

    TrackerException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    TrackerException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
