package ro.cluj.crt.query.session;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.Page;
import ro.cluj.crt.events.api.SessionSummary;
import ro.cluj.crt.events.api.SessionView;
import ro.cluj.crt.query.config.Paging;
import ro.cluj.crt.query.config.ReadResponses;
import ro.cluj.crt.query.config.Readers;
import ro.cluj.crt.query.lesson.ProcessReads;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * Working sessions, public: anyone reads scheduled and held sessions with their participants (organisations and
 * positions, no people) and outcomes; logged-in readers also see cancelled ones.
 */
@RestController
class SessionReadController {

    private static final List<String> STATUSES = List.of("scheduled", "held", "cancelled");

    private final SessionQueries queries;
    private final ProcessReads reads;

    SessionReadController(SessionQueries queries, ProcessReads reads) {
        this.queries = queries;
        this.reads = reads;
    }

    /**
     * Sessions, latest first, filtered by status and by the day they take or took place ({@code from} and {@code to}
     * included; the day held once held, else the day planned).
     */
    @GetMapping("/api/sessions")
    ResponseEntity<Page<SessionSummary>> sessions(@RequestParam(required = false) String status,
                                                  @RequestParam(required = false) String from,
                                                  @RequestParam(required = false) String to,
                                                  @RequestParam(defaultValue = "0") int page,
                                                  @RequestParam(defaultValue = "50") int size,
                                                  @RequestParam(required = false) Long minPosition) {
        List<FieldError> errors = new ArrayList<>();
        Paging.check(page, size, errors);
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError("status", "must be one of " + String.join(", ", STATUSES)));
        }
        LocalDate first = date("from", from, errors);
        LocalDate last = date("to", to, errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        boolean everything = Readers.seesEverything();
        SessionQueries.Filter filter = new SessionQueries.Filter(status, first, last);
        return ReadResponses.at(reads.read(minPosition, () -> queries.sessions(filter, page, size, everything)));
    }

    @GetMapping("/api/sessions/{sessionId}")
    ResponseEntity<SessionView> session(@PathVariable String sessionId,
                                        @RequestParam(required = false) Long minPosition) {
        boolean everything = Readers.seesEverything();
        return ReadResponses.at(reads.read(minPosition, () -> queries.session(sessionId, everything))
                .map(found -> found.orElseThrow(() -> new NotFoundException("no session with this id"))));
    }

    private static LocalDate date(String name, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date (yyyy-mm-dd)"));
            return null;
        }
    }
}
