package ro.cluj.crt.command.auth;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.Identifiers;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;

/**
 * The login audit, for admins and auditors ({@code CommandSecurity}): every attempt, oldest first, paged by attempt
 * id like the audit API's events.
 */
@RestController
class LoginAuditController {

    private static final int MAX_LIMIT = 1000;

    private final LoginAudit audit;

    LoginAuditController(LoginAudit audit) {
        this.audit = audit;
    }

    record Page(List<LoginAudit.Attempt> attempts, long next, boolean more) {
    }

    @GetMapping("/api/admin/logins")
    Page attempts(@RequestParam(required = false) Long after, @RequestParam(required = false) Integer limit,
                  @RequestParam(required = false) String outcome, @RequestParam(required = false) String accountId) {
        List<FieldError> errors = new ArrayList<>();
        long from = after == null ? 0 : after;
        int size = limit == null ? 100 : limit;
        if (from < 0) {
            errors.add(new FieldError("after", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be 1 to " + MAX_LIMIT));
        }
        if (outcome != null && !List.of("succeeded", "failed", "throttled").contains(outcome)) {
            errors.add(new FieldError("outcome", "must be succeeded, failed or throttled"));
        }
        if (accountId != null && !Identifiers.isValid(accountId)) {
            errors.add(new FieldError("accountId", "is not an account id"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<LoginAudit.Attempt> attempts = audit.after(from, size, outcome, accountId);
        long next = attempts.isEmpty() ? from : attempts.getLast().id();
        return new Page(attempts, next, attempts.size() == size);
    }
}
