package ro.cluj.crt.query.deadletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.Page;
import ro.cluj.crt.query.config.Paging;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;

/**
 * Admins see the events each projection parked, retry them once the cause is fixed, or evict one for good. The
 * security rules keep all of {@code /api/admin} for admins.
 */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** How many events each processing group holds parked. */
    @GetMapping("/api/admin/dead-letters")
    Map<String, Long> counts() {
        return deadLetters.counts();
    }

    @GetMapping("/api/admin/dead-letters/{group}")
    Page<DeadLetterView> list(@PathVariable String group, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        List<FieldError> errors = new ArrayList<>();
        Paging.check(page, size, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return deadLetters.list(group, page, size);
    }

    /** Retries every aggregate's parked events, in order; those that fail again stay parked with the new error. */
    @PostMapping("/api/admin/dead-letters/{group}/retry")
    DeadLetters.RetryOutcome retryAll(@PathVariable String group) {
        return deadLetters.retryAll(group);
    }

    /** Retries one parked event and the events of its aggregate queued behind it. */
    @PostMapping("/api/admin/dead-letters/{group}/{eventId}/retry")
    DeadLetters.RetryOutcome retry(@PathVariable String group, @PathVariable String eventId) {
        return deadLetters.retry(group, eventId);
    }

    @DeleteMapping("/api/admin/dead-letters/{group}/{eventId}")
    ResponseEntity<Void> evict(@PathVariable String group, @PathVariable String eventId) {
        deadLetters.evict(group, eventId);
        return ResponseEntity.noContent().build();
    }
}
