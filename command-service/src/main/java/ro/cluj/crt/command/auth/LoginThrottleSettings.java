package ro.cluj.crt.command.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import ro.cluj.crt.support.ratelimit.RateLimit;

/**
 * How many failed logins are let through before further attempts are refused with 429, counted per user name (as
 * typed, known or not, so that the answer does not tell which names exist) and per client address. Each may fail
 * {@code *Failures} times at once and then once more per {@code *Period} divided by that number; successful logins
 * count for nothing.
 */
@ConfigurationProperties("crt.security.login-throttle")
public record LoginThrottleSettings(Integer accountFailures, Duration accountPeriod, Integer clientFailures,
                                    Duration clientPeriod, Integer maxClients) {

    public LoginThrottleSettings {
        accountFailures = accountFailures == null ? 5 : accountFailures;
        accountPeriod = accountPeriod == null ? Duration.ofMinutes(15) : accountPeriod;
        clientFailures = clientFailures == null ? 20 : clientFailures;
        clientPeriod = clientPeriod == null ? Duration.ofMinutes(15) : clientPeriod;
        maxClients = maxClients == null ? 100_000 : maxClients;
        new RateLimit(accountFailures, accountFailures, accountPeriod, maxClients);
        new RateLimit(clientFailures, clientFailures, clientPeriod, maxClients);
    }

    RateLimit perAccount() {
        return new RateLimit(accountFailures, accountFailures, accountPeriod, maxClients);
    }

    RateLimit perClient() {
        return new RateLimit(clientFailures, clientFailures, clientPeriod, maxClients);
    }
}
