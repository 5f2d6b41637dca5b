package ro.cluj.crt.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import ro.cluj.crt.events.Identifiers;

/**
 * Signs and checks the access tokens that clients get once at login and then send with every request, so that no
 * request pays for a password hash check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class TokenKeys {

    private static final int MIN_SECRET_BYTES = 32;

    /** The issuer every token names; tokens from anyone else are refused. */
    public static final String ISSUER = "crt";

    /**
     * Checks the signature, and that the token is ours, names an account by a valid opaque id (events record it) and
     * expires: a token without an expiry would be valid for ever.
     */
    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        return rememberingChecked(checking(properties));
    }

    private static JwtDecoder checking(SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key(properties))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(ISSUER),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, Identifiers::isValid)));
        return decoder;
    }

    /**
     * Remembers the tokens that passed the check until they expire: a client sends the same token with every request,
     * and the same signed text always checks the same way, except for the time, which is checked on every use.
     */
    private static JwtDecoder rememberingChecked(JwtDecoder decoder) {
        Cache<String, Jwt> checked = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofHours(1))
                .build();
        return token -> {
            Jwt jwt = checked.getIfPresent(token);
            if (jwt == null || !Instant.now().isBefore(jwt.getExpiresAt())) {
                jwt = decoder.decode(token);
                checked.put(token, jwt);
            }
            return jwt;
        };
    }

    /**
     * No observation around each of the security chain's filters: together they cost more CPU than the token check
     * itself on every request, and Spring's {@code http.server.requests} metrics already time whole requests.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    JwtEncoder jwtEncoder(SecurityProperties properties) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(key(properties)));
    }

    private static SecretKey key(SecurityProperties properties) {
        String secret = properties.tokenSecret();
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("crt.security.token-secret (environment CRT_TOKEN_SECRET) must be set "
                    + "to at least " + MIN_SECRET_BYTES + " bytes, the same for every service of one deployment");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
