package ro.cluj.crt.support.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Authentication settings.
 *
 * @param tokenSecret   the key that signs and checks access tokens (HMAC-SHA256, at least 32 bytes); every service
 *                      instance of one deployment shares it
 * @param tokenLifetime how long an access token stays valid
 * @param accounts      the accounts that may log in (only the command service, which issues tokens, reads them)
 */
@ConfigurationProperties("crt.security")
public record SecurityProperties(String tokenSecret, Duration tokenLifetime, List<Account> accounts) {

    public SecurityProperties {
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(8) : tokenLifetime;
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /**
     * An account. {@code id} is opaque and is what events record; {@code username} is personal data and appears
     * nowhere but here.
     *
     * @param passwordHash in Spring Security's encoded form, for example {@code {bcrypt}$2a$10$...}
     */
    public record Account(String id, String username, String passwordHash, Set<Role> roles) {
    }
}
