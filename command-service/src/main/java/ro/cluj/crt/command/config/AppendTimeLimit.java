package ro.cluj.crt.command.config;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes the configured limit on how late an append may commit ({@code crt.event-store.append-time-limit}) into the
 * event store after every migration, before anything appends. The store's trigger enforces it for every writer, and
 * the query service reads it to check its gap timeout against it (see {@code V6__append_time_limit.sql}).
 */
@Component
class AppendTimeLimit implements Callback {

    private static final Logger log = LoggerFactory.getLogger(AppendTimeLimit.class);

    private final Duration limit;
    private final String schema;

    AppendTimeLimit(@Value("${crt.event-store.append-time-limit:10s}") Duration limit,
                    @Value("${crt.event-store.schema}") String schema) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("crt.event-store.append-time-limit must be positive, not " + limit);
        }
        this.limit = limit;
        this.schema = schema;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try (PreparedStatement update = context.getConnection().prepareStatement(
                "UPDATE " + schema + ".append_time_limit SET max_delay = make_interval(secs => ?)")) {
            update.setDouble(1, limit.toNanos() / 1e9);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the event store's append time limit", e);
        }
        log.info("appends to the event store must commit within {} ms of their start", limit.toMillis());
    }

    @Override
    public String getCallbackName() {
        return "append-time-limit";
    }
}
