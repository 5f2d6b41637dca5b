package ro.cluj.crt.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The baseline: what the same database does with plain JDBC, one single-row {@code INSERT} per autocommitted
 * transaction on each of its own connections, into a copy of the event table, with the bytes of a real event.
 */
final class BaselineWorkload implements AutoCloseable {

    static final String TABLE = "baseline.domain_event_entry";
    private static final String INSERT = "INSERT INTO " + TABLE + " (event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final StoredEvent event;
    private final List<Connection> connections = new ArrayList<>();

    BaselineWorkload(StoredEvent event) {
        this.event = event;
    }

    /** Opens one autocommit connection per worker, each with its statement prepared once. */
    List<Operation> workers(String url, String user, int count) throws SQLException {
        List<Operation> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Connection connection = DriverManager.getConnection(url, user, "");
            connection.setAutoCommit(true);
            connections.add(connection);
            PreparedStatement insert = connection.prepareStatement(INSERT);
            workers.add(() -> insertOne(insert));
        }
        return workers;
    }

    private void insertOne(PreparedStatement insert) throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, UUID.randomUUID().toString());
        insert.setLong(3, 0);
        insert.setString(4, event.type());
        insert.setString(5, Instant.now().toString());
        insert.setString(6, event.payloadType());
        insert.setString(7, event.payloadRevision());
        insert.setBytes(8, event.payload());
        insert.setBytes(9, event.metaData());
        if (insert.executeUpdate() != 1) {
            throw new SQLException("the insert wrote no row");
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
