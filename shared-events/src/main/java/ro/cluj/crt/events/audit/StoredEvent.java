package ro.cluj.crt.events.audit;

/**
 * One row of the event table exactly as stored: the fields a chain link covers. Byte arrays are the stored bytes;
 * {@code type}, {@code payloadRevision} and {@code metaData} may be null, as the table allows. Plain data, so that
 * the services and the offline verifier of an export build it the same way.
 */
public record StoredEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                          String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                          byte[] metaData) {
}
