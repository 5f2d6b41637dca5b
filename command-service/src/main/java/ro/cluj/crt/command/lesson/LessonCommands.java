package ro.cluj.crt.command.lesson;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import ro.cluj.crt.events.lesson.LessonContent;
import ro.cluj.crt.events.lesson.LessonSource;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.LessonClass;

/**
 * The commands of the lesson aggregate. Every change after the draft carries the version it was based on (null to
 * apply it after whatever came before).
 */
public final class LessonCommands {

    private LessonCommands() {
    }

    public record DraftLesson(@TargetAggregateIdentifier String lessonId, LessonContent content) {
    }

    /** A revision of the parts that are not null; the others stay as they are. */
    public record ReviseLesson(@TargetAggregateIdentifier String lessonId,
                               @TargetAggregateVersion Long expectedVersion, String title, String text, Field field,
                               LessonClass lessonClass, List<LessonSource> sources, String reason) {
    }

    public record PublishLesson(@TargetAggregateIdentifier String lessonId,
                                @TargetAggregateVersion Long expectedVersion) {
    }

    public record WithdrawLesson(@TargetAggregateIdentifier String lessonId,
                                 @TargetAggregateVersion Long expectedVersion, String reason) {
    }
}
