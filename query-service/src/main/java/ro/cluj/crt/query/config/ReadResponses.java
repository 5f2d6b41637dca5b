package ro.cluj.crt.query.config;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    public static <T> ResponseEntity<T> at(ProjectionPositions.Positioned<T> read) {
        return ResponseEntity.ok().header(POSITION_HEADER, Long.toString(read.position())).body(read.value());
    }

    /** A CSV document to download as {@code filename}, with the position it reflects. */
    public static ResponseEntity<String> csv(ProjectionPositions.Positioned<String> read, String filename) {
        return ResponseEntity.ok().header(POSITION_HEADER, Long.toString(read.position()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .contentType(TEXT_CSV).body(read.value());
    }

    @ExceptionHandler(ProjectionBehindException.class)
    ResponseEntity<ProblemDetail> behind(ProjectionBehindException e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "projection-behind", e.getMessage());
        problem.setProperty("minPosition", e.position());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
