package ro.cluj.crt.query.deadletter;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What a parked event's error may say. Messages of the database and of the JSON reader quote the values they choke
 * on, which can be personal data, so only their shape is kept: the SQL state with the table, column and constraint
 * it names, the JSON path. Messages of the JDK and of the tracker's own code name ids and fields, never values, and
 * are kept; any other message is withheld.
 */
public final class SafeCauses {

    static final int MAX_MESSAGE = 500;
    static final String WITHHELD = "message withheld: it may quote the event's data";

    private SafeCauses() {
    }

    public static ThrowableCause of(Throwable failure) {
        return new ThrowableCause(failure.getClass().getName(), message(failure));
    }

    private static String message(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return "the database refused a statement of the projection (SQL state " + sql.getSQLState()
                        + where(sql) + ")";
            }
            if (cause instanceof JsonMappingException json) {
                return "the event's payload cannot be read at " + path(json);
            }
        }
        String name = failure.getClass().getName();
        boolean trusted = name.startsWith("java.") || name.startsWith("ro.cluj.crt.");
        String message = failure.getMessage();
        if (message == null) {
            return "no message";
        }
        if (!trusted) {
            return WITHHELD;
        }
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
    }

    /** The table, column and constraint the database names: schema, never data. */
    private static String where(SQLException sql) {
        if (!(sql instanceof PSQLException postgres) || postgres.getServerErrorMessage() == null) {
            return "";
        }
        ServerErrorMessage server = postgres.getServerErrorMessage();
        StringBuilder where = new StringBuilder();
        append(where, "table", server.getTable());
        append(where, "column", server.getColumn());
        append(where, "constraint", server.getConstraint());
        return where.toString();
    }

    private static void append(StringBuilder where, String what, String name) {
        if (name != null) {
            where.append(", ").append(what).append(' ').append(name);
        }
    }

    private static String path(JsonMappingException json) {
        String path = json.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "its root" : path;
    }
}
