package ro.cluj.crt.query.config;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import ro.cluj.crt.support.web.Problems;

/** Every read says which event store position it reflects; a read that waited too long is a 503. */
@RestControllerAdvice
public class ReadResponses {

    public static final String POSITION_HEADER = "Projection-Position";

    public static <T> ResponseEntity<T> at(ProjectionPositions.Positioned<T> read) {
        return ResponseEntity.ok().header(POSITION_HEADER, Long.toString(read.position())).body(read.value());
    }

    @ExceptionHandler(ProjectionBehindException.class)
    ResponseEntity<ProblemDetail> behind(ProjectionBehindException e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "projection-behind", e.getMessage());
        problem.setProperty("minPosition", e.position());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
