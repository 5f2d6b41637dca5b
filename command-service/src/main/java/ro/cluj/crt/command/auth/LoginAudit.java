package ro.cluj.crt.command.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.support.security.SecurityProperties;
import ro.cluj.crt.support.web.CorrelationIds;

/**
 * Records every login attempt twice: as a structured log line (fields {@code accountId}, {@code outcome},
 * {@code client}) and as a row of {@code security_audit.login_attempt}, which admins and auditors read. An attempt
 * names the account only by its opaque id, and only when the user name named one: the name as typed may be a password
 * typed into the wrong field. No password is ever recorded, and no client address either: an address is personal
 * data, so the client is named by a pseudonym, a keyed hash of its address (HMAC-SHA256 under the deployment's token
 * secret, 16 hex digits), the same for every attempt from one address, so that a guesser's attempts can be told
 * apart and followed without anyone reading where they came from.
 */
@Component
class LoginAudit {

    private static final Logger log = LoggerFactory.getLogger(LoginAudit.class);

    enum Outcome {
        SUCCEEDED, FAILED, THROTTLED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Attempt(long id, Instant attemptedAt, String outcome, String accountId, String client,
                   String correlationId) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecretKeySpec pseudonymKey;

    LoginAudit(JdbcTemplate jdbc, Clock clock, SecurityProperties security) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.pseudonymKey = new SecretKeySpec(("crt-login-client/1:" + security.tokenSecret())
                .getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** @param accountId the account the user name named, or null when it named none */
    void record(Outcome outcome, String accountId, String clientAddress) {
        String correlationId = CorrelationIds.current();
        String client = pseudonym(clientAddress);
        log.atLevel(outcome == Outcome.SUCCEEDED ? Level.INFO : Level.WARN)
                .addKeyValue("event.action", "login")
                .addKeyValue("accountId", accountId)
                .addKeyValue("outcome", outcome.code())
                .addKeyValue("client", client)
                .log("login {} for {} from {}", outcome.code(),
                        accountId == null ? "an unknown user name" : "account " + accountId, client);
        jdbc.update("INSERT INTO security_audit.login_attempt (attempted_at, outcome, account_id, client, "
                        + "correlation_id) VALUES (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), outcome.code(), accountId, client, correlationId);
    }

    /** The client's pseudonym: {@code client-} and 16 hex digits of a keyed hash of its address. */
    String pseudonym(String clientAddress) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pseudonymKey);
            byte[] hash = mac.doFinal(String.valueOf(clientAddress).getBytes(StandardCharsets.UTF_8));
            return "client-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** The attempts after {@code after} (an attempt id), oldest first, at most {@code limit}. */
    List<Attempt> after(long after, int limit, String outcome, String accountId) {
        return jdbc.query("SELECT id, attempted_at, outcome, account_id, client, correlation_id "
                        + "FROM security_audit.login_attempt WHERE id > ? AND (?::text IS NULL OR outcome = ?) "
                        + "AND (?::text IS NULL OR account_id = ?) ORDER BY id LIMIT ?",
                (row, n) -> new Attempt(row.getLong("id"), row.getTimestamp("attempted_at").toInstant(),
                        row.getString("outcome"), row.getString("account_id"), row.getString("client"),
                        row.getString("correlation_id")),
                after, outcome, outcome, accountId, accountId, limit);
    }
}
