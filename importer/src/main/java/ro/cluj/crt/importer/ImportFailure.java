package ro.cluj.crt.importer;

/** The run cannot go on: the tracker cannot be reached, refuses the login or fails. */
final class ImportFailure extends Exception {

    ImportFailure(String message) {
        super(message);
    }

    ImportFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
