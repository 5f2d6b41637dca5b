package ro.cluj.crt.command.auth;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.support.api.ReadsBody;
import ro.cluj.crt.support.security.Role;
import ro.cluj.crt.support.security.SecurityProperties.Account;
import ro.cluj.crt.support.security.SecurityProperties;
import ro.cluj.crt.support.security.ServiceSecurity;
import ro.cluj.crt.support.security.TokenKeys;
import ro.cluj.crt.support.web.Problems;
import ro.cluj.crt.support.web.RequestReader;

/**
 * Logging in: a client sends its user name and password once and receives a signed access token to send as
 * {@code Authorization: Bearer ...} with every later request, to either service.
 */
@RestController
class LoginController {

    private final RequestReader reader;
    private final SecurityProperties properties;
    private final PasswordEncoder passwords;
    private final JwtEncoder tokens;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final LoginAudit audit;
    private final String unknownAccountHash;

    LoginController(RequestReader reader, SecurityProperties properties, PasswordEncoder passwords, JwtEncoder tokens,
                    Clock clock, LoginThrottle throttle, LoginAudit audit) {
        this.reader = reader;
        this.properties = properties;
        this.passwords = passwords;
        this.tokens = tokens;
        this.clock = clock;
        this.throttle = throttle;
        this.audit = audit;
        // compared against when the user name is unknown, so that a wrong name takes as long as a wrong password
        this.unknownAccountHash = passwords.encode("no account has this password");
    }

    record Credentials(@NotBlank @Size(max = 200) String username, @NotBlank @Size(max = 200) String password) {
    }

    record AccessToken(String accessToken, String tokenType, Instant expiresAt, String accountId, List<String> roles) {
    }

    /**
     * Logs in. A user name or client address with too many failed attempts is refused with 429 and
     * {@code Retry-After} before the password is checked; every attempt is audited.
     */
    @PostMapping(ServiceSecurity.LOGIN_PATH)
    @ReadsBody(Credentials.class)
    ResponseEntity<?> login(@RequestBody JsonNode body, HttpServletRequest request) {
        Credentials credentials = reader.read(body, Credentials.class);
        String client = request.getRemoteAddr();
        Optional<Account> account = properties.accounts().stream()
                .filter(candidate -> candidate.username().equals(credentials.username()))
                .findFirst();
        String accountId = account.map(Account::id).orElse(null);
        Optional<Duration> wait = throttle.refusal(credentials.username(), client);
        if (wait.isPresent()) {
            audit.record(LoginAudit.Outcome.THROTTLED, accountId, client);
            long seconds = LoginThrottle.seconds(wait.get());
            ProblemDetail problem = Problems.rateLimited("too many failed logins", seconds);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER,
                    Long.toString(seconds)).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        String hash = account.map(Account::passwordHash).orElse(unknownAccountHash);
        if (!passwords.matches(credentials.password(), hash) || account.isEmpty()) {
            throttle.failed(credentials.username(), client);
            audit.record(LoginAudit.Outcome.FAILED, accountId, client);
            ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "login-failed",
                    "the user name or the password is wrong");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        audit.record(LoginAudit.Outcome.SUCCEEDED, accountId, client);
        return ResponseEntity.ok(issue(account.get()));
    }

    private AccessToken issue(Account account) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenLifetime());
        List<String> roles = account.roles().stream().map(Role::code).sorted().toList();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(TokenKeys.ISSUER)
                .subject(account.id())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(ServiceSecurity.ROLES_CLAIM, roles)
                .build();
        String token = tokens.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new AccessToken(token, "Bearer", expiresAt, account.id(), roles);
    }
}
