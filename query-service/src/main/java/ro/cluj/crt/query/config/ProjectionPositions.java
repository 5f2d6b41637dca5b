package ro.cluj.crt.query.config;

import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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

    public ProjectionPositions(JdbcTemplate jdbc, Serializer serializer,
                               @Value("${crt.query.max-wait:10s}") Duration maxWait) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.maxWait = maxWait;
    }

    /** The highest position every segment of the processor has passed; -1 before it processed anything. */
    public long position(String processor) {
        return tokens(processor).stream().mapToLong(ProjectionPositions::index).min().orElse(-1);
    }

    /**
     * Waits until the processor has applied the event at {@code minPosition}; answers the position reached.
     *
     * @throws ProjectionBehindException when it has not within the configured wait
     */
    public long await(String processor, Long minPosition) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            List<TrackingToken> tokens = tokens(processor);
            if (minPosition == null || (!tokens.isEmpty() && tokens.stream().allMatch(t -> covers(t, minPosition)))) {
                return tokens.stream().mapToLong(ProjectionPositions::index).min().orElse(-1);
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
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (row, i) -> row.getString("token_type") == null ? null
                        : (TrackingToken) serializer.deserialize(new SimpleSerializedObject<>(row.getBytes("token"),
                                byte[].class, new SimpleSerializedType(row.getString("token_type"), null))),
                processor).stream().map(token -> token == null ? GapAwareTrackingToken.newInstance(-1, List.of())
                : token).toList();
    }

    private static boolean covers(TrackingToken token, long position) {
        TrackingToken current = ReplayToken.class.isInstance(token) ? ((ReplayToken) token).getCurrentToken() : token;
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current != null && current.position().orElse(-1) >= position;
    }

    private static long index(TrackingToken token) {
        return token.position().orElse(-1);
    }
}
