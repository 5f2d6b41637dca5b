package ro.cluj.crt.command.auth;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import ro.cluj.crt.support.ratelimit.ClientRateLimiter;

/**
 * Counts failed logins per user name and per client address. While either has used up its failures, every login
 * from it is refused before the password is checked, a right one included: otherwise guessing could go on and only
 * the answer would be withheld.
 */
@Component
@EnableConfigurationProperties(LoginThrottleSettings.class)
class LoginThrottle {

    private final ClientRateLimiter accounts;
    private final ClientRateLimiter clients;

    LoginThrottle(LoginThrottleSettings settings) {
        this.accounts = new ClientRateLimiter(settings.perAccount());
        this.clients = new ClientRateLimiter(settings.perClient());
    }

    /** How long to wait before the next attempt, or empty when one may be made now. */
    Optional<Duration> refusal(String username, String clientAddress) {
        ClientRateLimiter.Decision account = accounts.check(username);
        ClientRateLimiter.Decision client = clients.check(clientAddress);
        if (account.allowed() && client.allowed()) {
            return Optional.empty();
        }
        return Optional.of(account.retryAfter().compareTo(client.retryAfter()) > 0
                ? account.retryAfter() : client.retryAfter());
    }

    void failed(String username, String clientAddress) {
        accounts.tryAcquire(username);
        clients.tryAcquire(clientAddress);
    }

    /** A wait in whole seconds, rounded up, at least 1: the value of a {@code Retry-After} header. */
    static long seconds(Duration wait) {
        return new ClientRateLimiter.Decision(false, 0, wait).retryAfterSeconds();
    }
}
