package ro.cluj.crt.query.follow;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.query.config.Paging;
import ro.cluj.crt.support.api.ReadsBody;
import ro.cluj.crt.support.security.Actor;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;
import ro.cluj.crt.support.web.RequestReader;
import ro.cluj.crt.support.web.RuleViolationException;

/** Admins register webhooks for partner platforms, list and delete them, and read their delivery log. */
@RestController
class WebhookAdminController {

    private static final String IDENTIFIER = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    private final RequestReader reader;
    private final Webhooks webhooks;
    private final WebhookTargets targets;

    WebhookAdminController(RequestReader reader, Webhooks webhooks, WebhookTargets targets) {
        this.reader = reader;
        this.webhooks = webhooks;
        this.targets = targets;
    }

    /**
     * @param scope     {@code commitment}, {@code organisation} or {@code all-commitments}
     * @param subjectId the commitment or organisation followed; none for all commitments
     * @param secret    the shared secret, 16 to 200 characters; left out, the tracker makes one and answers it once
     */
    record Registration(@NotBlank @Size(max = WebhookTargets.MAX_LENGTH) String targetUrl,
                        @Size(min = 16, max = 200) String secret,
                        @NotBlank @Pattern(regexp = "commitment|organisation|all-commitments",
                                message = "must be commitment, organisation or all-commitments") String scope,
                        @Pattern(regexp = IDENTIFIER, message = "must be an id") String subjectId) {
    }

    @PostMapping("/api/admin/webhooks")
    @ReadsBody(Registration.class)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Webhooks.Webhook> register(@RequestBody JsonNode body) {
        Registration registration = reader.read(body, Registration.class);
        List<FieldError> errors = new ArrayList<>();
        targets.problem(registration.targetUrl())
                .ifPresent(problem -> errors.add(new FieldError("targetUrl", problem)));
        boolean needsSubject = !registration.scope().equals(Webhooks.Follows.ALL_COMMITMENTS);
        if (needsSubject && registration.subjectId() == null) {
            errors.add(new FieldError("subjectId", "is required to follow a " + registration.scope()));
        } else if (!needsSubject && registration.subjectId() != null) {
            errors.add(new FieldError("subjectId", "must be left out to follow all commitments"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        checkSubjectExists(registration);

        Webhooks.Webhook webhook = webhooks.register(registration.targetUrl(), registration.secret(),
                new Webhooks.Follows(registration.scope(), registration.subjectId()),
                Actor.current().map(Actor::accountId).orElse(null));
        return ResponseEntity.created(URI.create("/api/admin/webhooks/" + webhook.id())).body(webhook);
    }

    @GetMapping("/api/admin/webhooks")
    Map<String, List<Webhooks.Webhook>> list() {
        return Map.of("webhooks", webhooks.all());
    }

    @GetMapping("/api/admin/webhooks/{webhookId}")
    Webhooks.Webhook one(@PathVariable String webhookId) {
        return webhooks.find(webhookId).orElseThrow(() -> new NotFoundException("no webhook with this id"));
    }

    @DeleteMapping("/api/admin/webhooks/{webhookId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable String webhookId) {
        webhooks.delete(webhookId);
        return ResponseEntity.noContent().build();
    }

    /** The delivery log, oldest first: status, attempts, next try, last answer or error of each delivery. */
    @GetMapping("/api/admin/webhooks/{webhookId}/deliveries")
    Webhooks.DeliveryPage deliveries(@PathVariable String webhookId,
                                     @RequestParam(required = false) String status,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        List<FieldError> errors = new ArrayList<>();
        Paging.check(page, size, errors);
        if (status != null && !List.of("pending", "delivered", "failed", "cancelled").contains(status)) {
            errors.add(new FieldError("status", "must be pending, delivered, failed or cancelled"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        one(webhookId);
        return webhooks.deliveries(webhookId, status, page, size);
    }

    private void checkSubjectExists(Registration registration) {
        if (registration.scope().equals(Webhooks.Follows.COMMITMENT)
                && !webhooks.exists("Commitment", registration.subjectId())) {
            throw new RuleViolationException("followed-commitment-exists", "subjectId", "no commitment with this id");
        }
        if (registration.scope().equals(Webhooks.Follows.ORGANISATION)
                && !webhooks.exists("Organisation", registration.subjectId())) {
            throw new RuleViolationException("followed-organisation-exists", "subjectId",
                    "no organisation with this id");
        }
    }
}
