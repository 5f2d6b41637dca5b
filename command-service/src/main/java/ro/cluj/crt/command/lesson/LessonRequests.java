package ro.cluj.crt.command.lesson;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import ro.cluj.crt.command.write.Reasons;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.LessonClass;

/** The bodies of the lesson endpoints. */
final class LessonRequests {

    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 32_000;
    static final int MAX_SOURCES = 200;
    /** A text that is left out may be absent, but a text that is given holds more than white space. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    private LessonRequests() {
    }

    record Drafting(String id, @NotBlank @Size(max = MAX_TITLE) String title,
                    @NotBlank @Size(max = MAX_TEXT) String text, @NotNull Field field,
                    @NotNull LessonClass lessonClass, @Size(max = MAX_SOURCES) @Valid List<@NotNull Source> sources) {
    }

    /** An interview, and optionally one of its measures, that a lesson comes from. */
    record Source(@NotBlank @Size(max = 64) String interviewId, @Size(max = 64) String measureId) {
    }

    /** The parts to revise; those left out stay as they are. */
    record Revision(@Size(max = MAX_TITLE) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
                    @Size(max = MAX_TEXT) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String text,
                    Field field,
                    LessonClass lessonClass, @Size(max = MAX_SOURCES) @Valid List<@NotNull Source> sources,
                    @NotBlank @Size(max = Reasons.MAX_LENGTH) String reason) {
    }

    record Reasoned(@NotBlank @Size(max = Reasons.MAX_LENGTH) String reason) {
    }
}
