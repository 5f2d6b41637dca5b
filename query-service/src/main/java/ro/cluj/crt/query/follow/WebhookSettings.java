package ro.cluj.crt.query.follow;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhooks are delivered ({@code crt.follow.webhooks.*}).
 *
 * @param pollInterval          how often the dispatcher looks for deliveries that are due
 * @param initialBackoff        the wait after a first failed attempt; each further failure doubles it
 * @param maxBackoff            the longest wait between two attempts
 * @param maxAttempts           attempts before a delivery is given up as failed
 * @param connectTimeout        to open the connection to the target
 * @param requestTimeout        for the target's answer
 * @param allowPrivateNetworks  whether targets on loopback and private networks are allowed (tests, one machine);
 *                              link-local and metadata addresses are refused regardless
 */
@ConfigurationProperties("crt.follow.webhooks")
record WebhookSettings(Duration pollInterval, Duration initialBackoff, Duration maxBackoff, Integer maxAttempts,
                       Duration connectTimeout, Duration requestTimeout, boolean allowPrivateNetworks) {

    WebhookSettings {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
    }

    /** The wait after the {@code attempts}-th failed attempt: initial, doubled each time, at most the maximum. */
    Duration backoffAfter(int attempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
