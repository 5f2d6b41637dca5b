package ro.cluj.crt.support.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import ro.cluj.crt.events.audit.StoredEvent;

/**
 * Reads a {@link StoredEvent} from a row of the event table. Kept apart from the record so that the record stays
 * free of JDBC for the offline verifier, which reads events from an export file instead.
 */
public final class StoredEventRows {

    /** The columns to select, in this order, for {@link #read(ResultSet)}. */
    public static final String COLUMNS = "global_index, aggregate_identifier, sequence_number, event_identifier, "
            + "type, time_stamp, payload_type, payload_revision, payload, meta_data";

    private StoredEventRows() {
    }

    /** Reads the row the cursor stands on; the columns are found by name, so a join may add others. */
    public static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong("global_index"), row.getString("aggregate_identifier"),
                row.getLong("sequence_number"), row.getString("event_identifier"), row.getString("type"),
                row.getString("time_stamp"), row.getString("payload_type"), row.getString("payload_revision"),
                row.getBytes("payload"), row.getBytes("meta_data"));
    }
}
