package ro.cluj.crt.support.web;

import java.net.URI;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Problem documents (RFC 9457) with one stable {@code type} per kind of problem, under {@code /problems/}. They never
 * carry a stack trace, SQL or a class name; they carry the request's correlation id so that staff can find the log.
 */
public final class Problems {

    private Problems() {
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
