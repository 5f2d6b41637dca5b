package ro.cluj.crt.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error dispatches (a {@code sendError} from a filter, an error no handler caught)
 * with a problem document, in place of Spring Boot's default error body. Asked for directly, {@code /error} is a
 * page that does not exist: 404.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                && value >= 400 ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        String kind = switch (status) {
            case NOT_FOUND -> "not-found";
            case BAD_REQUEST -> "invalid-request";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case PAYLOAD_TOO_LARGE -> "payload-too-large";
            case INTERNAL_SERVER_ERROR -> "internal-error";
            default -> "http-" + status.value();
        };
        String detail = status == HttpStatus.INTERNAL_SERVER_ERROR
                ? "the request could not be completed; quote the correlation id to the tracker team"
                : status.getReasonPhrase().toLowerCase();
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, kind, detail));
    }
}
