package ro.cluj.crt.query.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A projection's writes held back until its transaction commits, then sent as JDBC batches, so that a processor batch
 * of a hundred events costs a few round trips instead of one or more per event. A replay spends most of its time on
 * those round trips otherwise.
 *
 * <p>Only statements whose outcome the handler does not read may be held back, and each must decide what it does from
 * the rows it finds (an insert that skips a key already there, an update guarded by the row's version), so that the
 * batch applies them exactly as one-by-one calls would: PostgreSQL runs a batch's statements in order, in the same
 * transaction. A statement joins an earlier batch of the same SQL only when nothing held between them touches the
 * same tables; otherwise a new batch starts, so dependent statements keep their order. A handler that reads the
 * views, or needs the count of rows a statement changed, calls {@link #flushPending()} first.
 *
 * <p>Outside a transaction on the template's database, or when made {@link #immediate}, every statement runs at once.
 * The held statements are sent before the commit ({@code beforeCommit}); a failure there fails the commit, and the
 * transaction is rolled back with the rest of the batch.
 */
public final class WriteBehind {

    /** Held statements beyond this many are sent at once, so that a large batch holds no unbounded memory. */
    static final int MOST_HELD = 2_000;
    private static final Object PENDING = new Object();

    private final JdbcTemplate jdbc;
    private final boolean deferred;

    private WriteBehind(JdbcTemplate jdbc, boolean deferred) {
        this.jdbc = jdbc;
        this.deferred = deferred;
    }

    /** Holds statements back until the commit of the transaction they are made in. */
    public static WriteBehind deferred(JdbcTemplate jdbc) {
        return new WriteBehind(jdbc, true);
    }

    /** Runs every statement at once: for handlers whose caller reads the views inside the same transaction. */
    public static WriteBehind immediate(JdbcTemplate jdbc) {
        return new WriteBehind(jdbc, false);
    }

    /** Runs {@code sql} with {@code arguments} now or before the commit; {@code tables}: all the tables it touches. */
    public void update(String sql, Set<String> tables, Object... arguments) {
        Pending pending = deferred ? pending() : null;
        if (pending == null) {
            jdbc.update(sql, arguments);
            return;
        }
        pending.add(jdbc, sql, tables, arguments);
        if (pending.held > MOST_HELD) {
            pending.send();
        }
    }

    /** Sends every statement this thread's transaction holds back, in order; for a handler that reads the views. */
    public static void flushPending() {
        if (TransactionSynchronizationManager.getResource(PENDING) instanceof Pending pending) {
            pending.send();
        }
    }

    /** The held statements of this thread's transaction; null when statements must run at once. */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()
                || !(jdbc.getDataSource() instanceof DataSource database)
                || !TransactionSynchronizationManager.hasResource(database)) {
            return null;
        }
        if (TransactionSynchronizationManager.getResource(PENDING) instanceof Pending pending) {
            return pending;
        }
        Pending pending = new Pending();
        TransactionSynchronizationManager.bindResource(PENDING, pending);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /** Statements of one SQL text, for one template, in the order they were made. */
    private record Batch(JdbcTemplate jdbc, String sql, Set<String> tables, List<Object[]> rows) {
    }

    /** One transaction's held statements, as batches in the order they must run. */
    private static final class Pending implements TransactionSynchronization {

        private final List<Batch> batches = new ArrayList<>();
        private int held;

        void add(JdbcTemplate jdbc, String sql, Set<String> tables, Object[] arguments) {
            for (int i = batches.size() - 1; i >= 0; i--) {
                Batch batch = batches.get(i);
                if (batch.jdbc() == jdbc && batch.sql().equals(sql)) {
                    batch.rows().add(arguments);
                    held++;
                    return;
                }
                if (batch.jdbc() != jdbc || !disjoint(batch.tables(), tables)) {
                    break;
                }
            }
            List<Object[]> rows = new ArrayList<>();
            rows.add(arguments);
            batches.add(new Batch(jdbc, sql, Set.copyOf(tables), rows));
            held++;
        }

        void send() {
            List<Batch> sending = List.copyOf(batches);
            batches.clear();
            held = 0;
            for (Batch batch : sending) {
                batch.jdbc().batchUpdate(batch.sql(), batch.rows());
            }
        }

        private static boolean disjoint(Set<String> some, Set<String> others) {
            for (String table : others) {
                if (some.contains(table)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            send();
        }

        @Override
        public void afterCompletion(int status) {
            batches.clear();
            TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
        }
    }
}
