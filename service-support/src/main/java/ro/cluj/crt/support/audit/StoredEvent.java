package ro.cluj.crt.support.audit;

/**
 * One row of the event table exactly as stored: the fields a chain link covers. Byte arrays are the stored bytes;
 * {@code type}, {@code payloadRevision} and {@code metaData} may be null, as the table allows.
 */
public record StoredEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                          String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                          byte[] metaData) {

    /** The columns to select, in this order, for {@link #read(java.sql.ResultSet)}. */
    public static final String COLUMNS = "global_index, aggregate_identifier, sequence_number, event_identifier, "
            + "type, time_stamp, payload_type, payload_revision, payload, meta_data";

    /** Reads the row the cursor stands on; the columns are found by name, so a join may add others. */
    public static StoredEvent read(java.sql.ResultSet row) throws java.sql.SQLException {
        return new StoredEvent(row.getLong("global_index"), row.getString("aggregate_identifier"),
                row.getLong("sequence_number"), row.getString("event_identifier"), row.getString("type"),
                row.getString("time_stamp"), row.getString("payload_type"), row.getString("payload_revision"),
                row.getBytes("payload"), row.getBytes("meta_data"));
    }
}
