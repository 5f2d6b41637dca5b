package ro.cluj.crt.benchmark;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One {@code COPY ... FROM STDIN (FORMAT binary)}: rows written field by field in PostgreSQL's binary copy format, so
 * that payloads go to the server as they are, without the hex text that the text format would double them into.
 */
final class BinaryCopy implements AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** Microseconds from the Unix epoch to 2000-01-01, PostgreSQL's epoch for time stamps. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private final PGCopyOutputStream copy;
    private final DataOutputStream out;
    private boolean ended;

    BinaryCopy(Connection connection, String table, String columns) throws SQLException {
        try {
            copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                    "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)", 1 << 16);
            out = new DataOutputStream(new BufferedOutputStream(copy, 1 << 16));
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
        } catch (IOException e) {
            throw new SQLException("could not start COPY into " + table, e);
        }
    }

    void row(int fields) throws IOException {
        out.writeShort(fields);
    }

    void bigint(long value) throws IOException {
        out.writeInt(Long.BYTES);
        out.writeLong(value);
    }

    void text(String value) throws IOException {
        bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    void timestamp(Instant value) throws IOException {
        out.writeInt(Long.BYTES);
        out.writeLong(value.getEpochSecond() * 1_000_000L + value.getNano() / 1_000 - POSTGRES_EPOCH_MICROS);
    }

    /** Ends the copy; answers the rows the server took. */
    long end() throws IOException, SQLException {
        out.writeShort(-1);
        out.flush();
        ended = true;
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (!ended && copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
