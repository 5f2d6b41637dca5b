package ro.cluj.crt.command.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the chain sealer runs ({@code crt.audit.*}): whether it runs at all, how often it looks for new events and
 * how many it seals per transaction, how long it waits for a hole in {@code global_index} to fill before it stops
 * looking there on every poll (a full sweep every {@code fullSweepInterval} still finds any event committed later),
 * how often a service that is not the sealer tries to become it, when it signs a checkpoint (after
 * {@code checkpointEveryLinks} links, or after {@code checkpointInterval} when at least one link was added), and the
 * Ed25519 signing key: the key text itself, or a file holding it that is made on first start when missing.
 */
@ConfigurationProperties("crt.audit")
public record SealerSettings(Boolean sealerEnabled, Duration pollInterval, Integer batchSize, Duration gapTimeout,
                             Integer maxOpenGaps, Duration fullSweepInterval, Duration leadershipRetry,
                             Integer checkpointEveryLinks, Duration checkpointInterval, String signingKey,
                             String signingKeyFile) {

    public SealerSettings {
        sealerEnabled = sealerEnabled == null || sealerEnabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(150) : pollInterval;
        batchSize = batchSize == null ? 500 : batchSize;
        gapTimeout = gapTimeout == null ? Duration.ofMinutes(10) : gapTimeout;
        maxOpenGaps = maxOpenGaps == null ? 10_000 : maxOpenGaps;
        fullSweepInterval = fullSweepInterval == null ? Duration.ofMinutes(5) : fullSweepInterval;
        leadershipRetry = leadershipRetry == null ? Duration.ofSeconds(2) : leadershipRetry;
        checkpointEveryLinks = checkpointEveryLinks == null ? 1000 : checkpointEveryLinks;
        checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(10) : checkpointInterval;
        if (batchSize < 1 || maxOpenGaps < 1 || checkpointEveryLinks < 1 || !positive(pollInterval)
                || !positive(gapTimeout) || !positive(fullSweepInterval) || !positive(leadershipRetry)
                || !positive(checkpointInterval)) {
            throw new IllegalArgumentException("crt.audit: sizes must be at least 1 and durations positive");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
