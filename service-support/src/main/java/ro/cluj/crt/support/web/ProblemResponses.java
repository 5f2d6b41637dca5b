package ro.cluj.crt.support.web;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ro.cluj.crt.personal.PersonErasedException;

/**
 * Turns every failure into a problem document with the status {@code API-CONVENTIONS.md} fixes. Unexpected failures
 * are logged with the correlation id and answered with a 500 that reveals nothing of the inside.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    public static final int MAX_NESTING_DEPTH = 32;

    static ProblemDetail tooLarge(long limitBytes) {
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                "the request body is over the limit of " + limitBytes + " bytes");
        problem.setProperty("limitBytes", limitBytes);
        return problem;
    }

    static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                "the request has " + errors.size() + " bad field(s)");
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        return respond(invalid(e.errors()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException e) {
        return respond(tooLarge(e.limitBytes()));
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "rule-violation", e.getMessage());
        problem.setProperty("rule", e.rule());
        problem.setProperty("field", e.field());
        return respond(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "conflict", e.getMessage());
        problem.setProperty("state", e.state());
        return respond(problem);
    }

    @ExceptionHandler(PersonErasedException.class)
    ResponseEntity<ProblemDetail> personErased(PersonErasedException e) {
        return conflict(new ConflictException("erased", e.getMessage()));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "stale-version",
                "the resource is at version " + e.getActualVersion() + ", not at the version given in If-Match");
        problem.setProperty("currentVersion", e.getActualVersion());
        return respond(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "concurrent-change",
                "another change to the same resource was recorded at the same moment; read it and try again"));
    }

    @ExceptionHandler({NotFoundException.class, AggregateNotFoundException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
        String detail = e instanceof NotFoundException ? e.getMessage() : "no such resource";
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", detail));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return respond(invalid(List.of(new FieldError(e.getName(), "has the wrong format"))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException concurrency) {
                // the store refused a second first event for one aggregate, wrapped on its way out
                return concurrentChange(concurrency);
            }
            if (cause instanceof AggregateStreamCreationException) {
                // two creates of one id at the same moment, where the loser could not simply be sent again
                return concurrentChange(null);
            }
        }
        log.error("request failed unexpectedly", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the request could not be completed; quote the correlation id to the tracker team"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return body(tooLarge(tooLarge.limitBytes()));
            }
            if (cause instanceof StreamConstraintsException) {
                return body(invalid(List.of(new FieldError("body",
                        "is nested deeper than " + MAX_NESTING_DEPTH + " levels or too large to read"))));
            }
        }
        return body(invalid(List.of(new FieldError("body", "is not well-formed JSON"))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(status, kindOf(status), reasonOf(status));
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String kindOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            case 400 -> "invalid-request";
            default -> "http-" + status.value();
        };
    }

    private static String reasonOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "request failed" : known.getReasonPhrase().toLowerCase();
    }

    private static ResponseEntity<Object> body(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
