package ro.cluj.crt.query.config;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How far a view has followed the event store, read from its processor's tokens in the token store (so it holds
 * whichever instance processes which segment). A view has reached position N when every segment's token covers N.
 */
@Component
public class ProjectionPositions {

    private static final Duration POLL = Duration.ofMillis(10);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Duration maxWait;
    private final TransactionTemplate snapshot;

    public ProjectionPositions(JdbcTemplate jdbc, Serializer serializer, PlatformTransactionManager transactions,
                               @Value("${crt.query.max-wait:10s}") Duration maxWait) {
        this.jdbc = jdbc;
        // the isolation level is set by the transaction's first statement (see read), not on the connection: that
        // costs the driver a look-up and two session changes, three round trips, per read
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        this.serializer = serializer;
        this.maxWait = maxWait;
    }

    /** The highest position every segment of the processor has passed; -1 before it processed anything. */
    public long position(String processor) {
        return tokens(processor).stream().mapToLong(ProjectionPositions::index).min().orElse(-1);
    }

    /**
     * Runs a read of the processor's view once the view has applied the event at {@code minPosition}, in one
     * snapshot with the tokens it checked, so that a rebuild starting in between cannot hand it an emptied view.
     *
     * @throws ProjectionBehindException when the view has not reached the position within the configured wait
     */
    public <T> Positioned<T> read(String processor, Long minPosition, Supplier<T> query) {
        return read(List.of(processor), minPosition, query);
    }

    /**
     * Runs a read that joins the views of several processors once each of them has applied the event at
     * {@code minPosition}; the position it answers is the lowest any of them has reached.
     */
    public <T> Positioned<T> read(List<String> processors, Long minPosition, Supplier<T> query) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Positioned<T> result = snapshot.execute(status -> {
                jdbc.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                Map<String, List<TrackingToken>> all = tokens(processors);
                long position = Long.MAX_VALUE;
                for (String processor : processors) {
                    List<TrackingToken> tokens = all.getOrDefault(processor, List.of());
                    if (minPosition != null
                            && (tokens.isEmpty() || !tokens.stream().allMatch(t -> covers(t, minPosition)))) {
                        return null;
                    }
                    position = Math.min(position, tokens.stream().mapToLong(ProjectionPositions::index).min()
                            .orElse(-1));
                }
                return new Positioned<>(position, query.get());
            });
            if (result != null) {
                return result;
            }
            if (System.nanoTime() > deadline) {
                throw new ProjectionBehindException(minPosition);
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProjectionBehindException(minPosition);
            }
        }
    }

    private List<TrackingToken> tokens(String processor) {
        return tokens(List.of(processor)).getOrDefault(processor, List.of());
    }

    /** The tokens of each processor, read in one query (a segment that never processed anything counts as -1). */
    private Map<String, List<TrackingToken>> tokens(List<String> processors) {
        Map<String, List<TrackingToken>> tokens = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "SELECT processor_name, token, token_type FROM token_entry WHERE processor_name = ANY (?)");
            statement.setArray(1, connection.createArrayOf("varchar", processors.toArray()));
            return statement;
        }, (RowCallbackHandler) row -> tokens.computeIfAbsent(row.getString(1), name -> new ArrayList<>())
                .add(row.getString(3) == null ? GapAwareTrackingToken.newInstance(-1, List.of())
                        : (TrackingToken) serializer.deserialize(new SimpleSerializedObject<>(row.getBytes(2),
                                byte[].class, new SimpleSerializedType(row.getString(3), null)))));
        return tokens;
    }

    /** A view being rebuilt covers what its replay has applied so far, not what it had before the reset. */
    private static boolean covers(TrackingToken token, long position) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current != null && current.position().orElse(-1) >= position;
    }

    private static long index(TrackingToken token) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        return current == null ? -1 : current.position().orElse(-1);
    }

    /** What a read answered, and the event store position the view had reached when it was read. */
    public record Positioned<T>(long position, T value) {

        public <R> Positioned<R> map(Function<T, R> mapping) {
            return new Positioned<>(position, mapping.apply(value));
        }
    }
}
