package ro.cluj.crt.command.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.support.web.CorrelationIds;

/**
 * Records every login attempt twice: as a structured log line (fields {@code accountId}, {@code outcome},
 * {@code clientAddress}) and as a row of {@code security_audit.login_attempt}, which admins and auditors read. An
 * attempt names the account only by its opaque id, and only when the user name named one: the name as typed may be
 * a password typed into the wrong field. No password is ever recorded.
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

    record Attempt(long id, Instant attemptedAt, String outcome, String accountId, String clientAddress,
                   String correlationId) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LoginAudit(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param accountId the account the user name named, or null when it named none */
    void record(Outcome outcome, String accountId, String clientAddress) {
        String correlationId = CorrelationIds.current();
        log.atLevel(outcome == Outcome.SUCCEEDED ? Level.INFO : Level.WARN)
                .addKeyValue("event.action", "login")
                .addKeyValue("accountId", accountId)
                .addKeyValue("outcome", outcome.code())
                .addKeyValue("clientAddress", clientAddress)
                .log("login {} for {} from {}", outcome.code(),
                        accountId == null ? "an unknown user name" : "account " + accountId, clientAddress);
        jdbc.update("INSERT INTO security_audit.login_attempt (attempted_at, outcome, account_id, client_address, "
                        + "correlation_id) VALUES (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), outcome.code(), accountId, clientAddress, correlationId);
    }

    /** The attempts after {@code after} (an attempt id), oldest first, at most {@code limit}. */
    List<Attempt> after(long after, int limit, String outcome, String accountId) {
        return jdbc.query("SELECT id, attempted_at, outcome, account_id, client_address, correlation_id "
                        + "FROM security_audit.login_attempt WHERE id > ? AND (?::text IS NULL OR outcome = ?) "
                        + "AND (?::text IS NULL OR account_id = ?) ORDER BY id LIMIT ?",
                (row, n) -> new Attempt(row.getLong("id"), row.getTimestamp("attempted_at").toInstant(),
                        row.getString("outcome"), row.getString("account_id"), row.getString("client_address"),
                        row.getString("correlation_id")),
                after, outcome, outcome, accountId, accountId, limit);
    }
}
