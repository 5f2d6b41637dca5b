package ro.cluj.crt.events.api;

/**
 * The answer to a write about a contact person: the person's id, and the version and event store position the
 * organisation reached.
 */
public record ContactWriteReceipt(String personId, String organisationId, long version, long position) {

    public static ContactWriteReceipt of(String personId, WriteReceipt receipt) {
        return new ContactWriteReceipt(personId, receipt.id(), receipt.version(), receipt.position());
    }
}
