package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What must hold between the success answers, the event store and the views after crashes and restarts, checked
 * with SQL on the database itself, over one connection kept for the test class (the shared server has few to spare).
 */
final class StoreChecks implements AutoCloseable {

    /** Each view compared with the events it is made of: view rows on one side, events on the other. */
    private static final Map<String, String[]> VIEWS = Map.of(
            "organisation versions", new String[] {
                    "SELECT organisation_id, version FROM crt_query.organisation",
                    "SELECT aggregate_identifier, max(sequence_number) FROM event_store.domain_event_entry "
                            + "WHERE type = 'Organisation' GROUP BY aggregate_identifier"},
            "interview versions", new String[] {
                    "SELECT interview_id, version FROM crt_query.interview",
                    "SELECT aggregate_identifier, max(sequence_number) FROM event_store.domain_event_entry "
                            + "WHERE type = 'Interview' GROUP BY aggregate_identifier"},
            "measures", new String[] {
                    "SELECT interview_id, count(*) FROM crt_query.measure GROUP BY interview_id",
                    "SELECT aggregate_identifier, 1 FROM event_store.domain_event_entry "
                            + "WHERE type = 'Interview' GROUP BY aggregate_identifier"},
            "commitment timeline entries", new String[] {
                    "SELECT commitment_id || '/' || sequence_number, 1 FROM crt_query.commitment_timeline",
                    "SELECT aggregate_identifier || '/' || sequence_number, 1 FROM event_store.domain_event_entry "
                            + "WHERE type = 'Commitment'"},
            "commitment dashboard versions", new String[] {
                    "SELECT commitment_id, last_sequence FROM crt_query.commitment_dashboard",
                    "SELECT aggregate_identifier, max(sequence_number) FROM event_store.domain_event_entry "
                            + "WHERE type = 'Commitment' GROUP BY aggregate_identifier"});

    private final TestDatabase database;
    private Connection connection;

    /** Connects at once, before the services take their pools from the server. */
    StoreChecks(TestDatabase database) {
        this.database = database;
        connect();
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the database is dropped next anyway
            }
            connection = null;
        }
    }

    /**
     * Every success answer is in the store once: the event at the answered version of the aggregate sits at the
     * answered position; a progress note is in the aggregate's history exactly once; every create the clients made
     * (each answered, by retrying with its key) is one aggregate, and there are no more than that.
     */
    void everyAnsweredWriteStoredOnce(List<WriteLoad.Ack> acks, long organisationsBefore, long interviewsBefore) {
        Set<String> organisations = new HashSet<>();
        Set<String> interviews = new HashSet<>();
        Set<String> answeredVersions = new HashSet<>();
        for (WriteLoad.Ack ack : acks) {
            assertThat(number("SELECT global_index FROM event_store.domain_event_entry "
                    + "WHERE aggregate_identifier = ? AND sequence_number = ?", ack.aggregateId(), ack.version()))
                    .as("the event answered for %s", ack).isEqualTo(ack.position());
            switch (ack.kind()) {
                case ORGANISATION -> organisations.add(ack.aggregateId());
                case INTERVIEW -> interviews.add(ack.aggregateId());
                case PROGRESS -> {
                    assertThat(answeredVersions.add(ack.aggregateId() + "/" + ack.version()))
                            .as("one success answer per version: %s", ack).isTrue();
                    assertThat(number("SELECT count(*) FROM event_store.domain_event_entry "
                            + "WHERE aggregate_identifier = ? AND convert_from(payload, 'UTF8') LIKE ?",
                            ack.aggregateId(), "%\"" + ack.marker() + "\"%"))
                            .as("the note of %s in the store", ack).isEqualTo(1);
                }
            }
        }
        assertThat(number("SELECT count(*) FROM event_store.domain_event_entry WHERE type = 'Organisation' "
                + "AND sequence_number = 0")).as("organisations registered")
                .isEqualTo(organisationsBefore + organisations.size());
        assertThat(number("SELECT count(*) FROM event_store.domain_event_entry WHERE type = 'Interview' "
                + "AND sequence_number = 0")).as("interviews recorded")
                .isEqualTo(interviewsBefore + interviews.size());
        assertThat(rows("SELECT aggregate_identifier, count(*) FROM event_store.domain_event_entry "
                + "GROUP BY aggregate_identifier HAVING max(sequence_number) + 1 <> count(*)"))
                .as("aggregates whose sequence numbers skip or repeat").isEmpty();
    }

    long count(String sql, Object... parameters) {
        return number(sql, parameters);
    }

    /** Waits until every view matches the events it is made of, then asserts it (so a mismatch shows its rows). */
    void viewsMatchTheEvents(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && !viewsMatch()) {
            ServiceProcess.sleep(Duration.ofMillis(500));
        }
        VIEWS.forEach((view, sql) -> assertThat(rows(sql[0])).as(view).isEqualTo(rows(sql[1])));
    }

    private boolean viewsMatch() {
        return VIEWS.values().stream().allMatch(sql -> rows(sql[0]).equals(rows(sql[1])));
    }

    /** The first column mapped to the second, for comparing views with events. */
    Map<String, Long> rows(String sql, Object... parameters) {
        return query(sql, parameters, result -> {
            Map<String, Long> rows = new TreeMap<>();
            while (result.next()) {
                rows.put(result.getString(1), result.getLong(2));
            }
            return rows;
        });
    }

    List<String> strings(String sql, Object... parameters) {
        return query(sql, parameters, result -> {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        });
    }

    private Long number(String sql, Object... parameters) {
        return query(sql, parameters, result -> result.next() ? result.getLong(1) : null);
    }

    /** (Re)connects, waiting a while when the shared server has no connection to spare. */
    private synchronized void connect() {
        SQLException failure = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                if (connection != null && connection.isValid(5)) {
                    return;
                }
                close();
                connection = database.connect();
                return;
            } catch (SQLException e) {
                failure = e;
                ServiceProcess.sleep(Duration.ofSeconds(1));
            }
        }
        throw new IllegalStateException("cannot connect to the test database", failure);
    }

    private interface Reading<T> {
        T read(ResultSet result) throws SQLException;
    }

    private synchronized <T> T query(String sql, Object[] parameters, Reading<T> reading) {
        connect();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return reading.read(result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
