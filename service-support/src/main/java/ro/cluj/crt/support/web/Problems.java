package ro.cluj.crt.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Problem documents (RFC 9457) with one stable {@code type} per kind of problem, under {@code /problems/}. They never
 * carry a stack trace, SQL or a class name; they carry the request's correlation id so that staff can find the log.
 */
public final class Problems {

    private Problems() {
    }

    /** Writes a problem as the whole response, for the filters that answer before Spring MVC does. */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** A 429 {@code rate-limited} problem that says when to try again, in its detail and in a property. */
    public static ProblemDetail rateLimited(String what, long retryAfterSeconds) {
        ProblemDetail problem = of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", what + "; try again in "
                + retryAfterSeconds + " seconds");
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        return problem;
    }

    /** Answers a filter's request with {@link #rateLimited} and its {@code Retry-After} header. */
    public static void writeRateLimited(HttpServletResponse response, ObjectMapper json, String what,
                                        long retryAfterSeconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        write(response, json, rateLimited(what, retryAfterSeconds));
    }

    public static ProblemDetail of(HttpStatusCode status, String kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + kind));
        String correlationId = MDC.get(CorrelationIds.MDC_KEY);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }
}
