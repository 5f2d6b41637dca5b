package ro.cluj.crt.importer;

/** A record that did not go in, and why. */
record BadRecord(RecordLocation where, String reason) {

    @Override
    public String toString() {
        return where + ": " + reason;
    }
}
