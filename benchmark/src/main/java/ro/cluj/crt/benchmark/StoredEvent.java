package ro.cluj.crt.benchmark;

/**
 * The columns of one event as Axon stored it; the baseline inserts rows with exactly these bytes.
 *
 * @param type            the aggregate type
 * @param payloadRevision may be null
 */
record StoredEvent(String type, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
}
