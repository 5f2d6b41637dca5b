package ro.cluj.crt.query.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.AuditEvent;
import ro.cluj.crt.events.api.AuditEventPage;
import ro.cluj.crt.events.api.ChainCheckpoint;
import ro.cluj.crt.events.api.SigningKeyView;
import ro.cluj.crt.support.audit.ChainVerification;
import ro.cluj.crt.support.audit.ChainVerifier;
import ro.cluj.crt.support.security.Actor;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * The audit API: the event stream and one aggregate's history with full metadata and chain links, and the chain's
 * verification, for auditors ({@code QuerySecurity}); the signed checkpoints and the public key that signs them for
 * everyone, so that outsiders can hold the tracker to them.
 */
@RestController
class AuditController {

    private static final Logger log = LoggerFactory.getLogger(AuditController.class);

    private final AuditQueries queries;
    private final DataSource dataSource;
    private final ChainVerifier verifier;

    AuditController(AuditQueries queries, DataSource dataSource, @Value("${crt.event-store.schema}") String schema,
                    @Value("${crt.audit.unsealed-grace:5s}") Duration unsealedGrace) {
        this.queries = queries;
        this.dataSource = dataSource;
        this.verifier = new ChainVerifier(schema, unsealedGrace);
    }

    @GetMapping("/api/audit/events")
    AuditEventPage events(@RequestParam(required = false) Long after,
                          @RequestParam(required = false) String aggregateId,
                          @RequestParam(required = false) String type,
                          @RequestParam(required = false) String actorId,
                          @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          @RequestParam(required = false) Integer limit) {
        return queries.events(AuditFilter.of(after, aggregateId, type, actorId, from, to, limit));
    }

    @GetMapping("/api/audit/aggregates/{id}/events")
    List<AuditEvent> history(@PathVariable String id) {
        List<AuditEvent> events = queries.history(id);
        if (events.isEmpty()) {
            throw new NotFoundException("no aggregate with this id");
        }
        return events;
    }

    @GetMapping("/api/audit/chain/verification")
    ChainVerification verification() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            ChainVerification result = verifier.verify(connection);
            log.info("chain verified for account {}: valid {}, {} links, {} problems",
                    Actor.current().map(Actor::accountId).orElse("-"), result.valid(), result.links(),
                    result.problemCount());
            return result;
        }
    }

    @GetMapping("/api/audit/checkpoints")
    List<ChainCheckpoint> checkpoints(@RequestParam(required = false) Long after,
                                      @RequestParam(required = false) Integer limit) {
        if (after != null && after < 0 || limit != null && (limit < 1 || limit > AuditFilter.MAX_LIMIT)) {
            throw new InvalidRequestException(List.of(new FieldError(after != null && after < 0 ? "after" : "limit",
                    "must be 0 or more for after, 1 to " + AuditFilter.MAX_LIMIT + " for limit")));
        }
        return queries.checkpoints(after == null ? 0 : after, limit == null ? AuditFilter.DEFAULT_LIMIT : limit);
    }

    @GetMapping("/api/audit/public-key")
    SigningKeyView publicKey() {
        SigningKeyView key = queries.publicKey();
        if (key == null) {
            throw new NotFoundException("no checkpoint has been signed yet");
        }
        return key;
    }
}
