package ro.cluj.crt.query.lesson;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.LessonView;
import ro.cluj.crt.events.api.Page;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.LessonClass;
import ro.cluj.crt.query.config.Paging;
import ro.cluj.crt.query.config.ReadResponses;
import ro.cluj.crt.query.config.Readers;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * Lessons learned, public: the public reads published lessons only; staff, monitors, auditors and admins also read
 * drafts and withdrawn lessons.
 */
@RestController
class LessonReadController {

    private static final List<String> STATUSES = List.of("draft", "published", "withdrawn");

    private final LessonQueries queries;
    private final ProcessReads reads;

    LessonReadController(LessonQueries queries, ProcessReads reads) {
        this.queries = queries;
        this.reads = reads;
    }

    /** Lessons, newest draft first, filtered by status, field and lesson class. */
    @GetMapping("/api/lessons")
    ResponseEntity<Page<LessonView>> lessons(@RequestParam(required = false) String status,
                                             @RequestParam(required = false) String field,
                                             @RequestParam(required = false) String lessonClass,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "50") int size,
                                             @RequestParam(required = false) Long minPosition) {
        List<FieldError> errors = new ArrayList<>();
        Paging.check(page, size, errors);
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError("status", "must be one of " + String.join(", ", STATUSES)));
        }
        check(errors, "field", field, () -> Field.fromCode(field));
        check(errors, "lessonClass", lessonClass, () -> LessonClass.fromCode(lessonClass));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        boolean everything = Readers.seesEverything();
        LessonQueries.Filter filter = new LessonQueries.Filter(status, field, lessonClass);
        return ReadResponses.at(reads.read(minPosition, () -> queries.lessons(filter, page, size, everything)));
    }

    @GetMapping("/api/lessons/{lessonId}")
    ResponseEntity<LessonView> lesson(@PathVariable String lessonId,
                                      @RequestParam(required = false) Long minPosition) {
        boolean everything = Readers.seesEverything();
        return ReadResponses.at(reads.read(minPosition, () -> queries.lesson(lessonId, everything))
                .map(found -> found.orElseThrow(() -> new NotFoundException("no lesson with this id"))));
    }

    private static void check(List<FieldError> errors, String name, String value, Runnable parse) {
        if (value == null) {
            return;
        }
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, e.getMessage()));
        }
    }
}
