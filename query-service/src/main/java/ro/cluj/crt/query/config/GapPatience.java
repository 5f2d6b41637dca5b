package ro.cluj.crt.query.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long the processors wait for a hole in {@code global_index} to fill ({@code crt.query.gap-timeout}), and how
 * far behind the newest event they still wait for one ({@code crt.query.max-gap-offset}, in events).
 *
 * <p>Axon gives a hole up once it reads an event above it stamped more than the gap timeout ago. The event store
 * refuses any append that would commit more than its append time limit L after it began or was stamped, so by the
 * time such an event is read, every append that took a lower index committed or failed at most 2·L after the event
 * was stamped. A gap timeout above 2·L therefore never gives up a hole that could still fill; the margin above 2·L
 * covers the moment between the store's check and the commit, and clock differences. The store keeps L in
 * {@code append_time_limit}; a store that has none yet (its command service not migrated) is not followed.
 */
record GapPatience(Duration gapTimeout, int maxGapOffset, String eventStoreSchema) {

    private static final Logger log = LoggerFactory.getLogger(GapPatience.class);

    GapPatience {
        if (gapTimeout.isNegative() || gapTimeout.isZero() || gapTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("crt.query.gap-timeout must be positive and below 24 days");
        }
        if (maxGapOffset < 1) {
            throw new IllegalArgumentException("crt.query.max-gap-offset must be at least 1");
        }
    }

    int gapTimeoutMillis() {
        return (int) gapTimeout.toMillis();
    }

    /**
     * Whether the store can be followed: false while it has no append time limit yet; an exception, naming both
     * settings, when the gap timeout is not more than twice the limit.
     */
    boolean allowsStoreOf(Connection connection) throws SQLException {
        Duration limit = appendTimeLimit(connection);
        if (limit == null) {
            return false;
        }
        if (gapTimeout.compareTo(limit.multipliedBy(2)) <= 0) {
            throw new IllegalStateException(("crt.query.gap-timeout is %d ms, but the event store lets an append "
                    + "commit up to %d ms after it began (crt.event-store.append-time-limit): the gap timeout must be "
                    + "more than twice that, or an event committing late could be skipped for ever. Raise "
                    + "crt.query.gap-timeout (CRT_GAP_TIMEOUT) or lower the command service's limit.")
                    .formatted(gapTimeout.toMillis(), limit.toMillis()));
        }
        log.info("following the event store with a gap timeout of {} ms against its append time limit of {} ms",
                gapTimeout.toMillis(), limit.toMillis());
        return true;
    }

    private Duration appendTimeLimit(Connection connection) throws SQLException {
        String table = eventStoreSchema + ".append_time_limit";
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, table);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next() || !result.getBoolean(1)) {
                    return null;
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT (extract(epoch FROM max_delay) * 1000000)::bigint FROM " + table);
             ResultSet result = query.executeQuery()) {
            return result.next() ? Duration.ofNanos(result.getLong(1) * 1000) : null;
        }
    }
}
