package ro.cluj.crt.importer;

/** A record cannot be mapped: a required value is missing or a value cannot be read. */
final class BadRecordException extends Exception {

    BadRecordException(String reason) {
        super(reason);
    }
}
