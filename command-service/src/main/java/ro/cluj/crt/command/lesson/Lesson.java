package ro.cluj.crt.command.lesson;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.cluj.crt.command.lesson.LessonCommands.DraftLesson;
import ro.cluj.crt.command.lesson.LessonCommands.PublishLesson;
import ro.cluj.crt.command.lesson.LessonCommands.ReviseLesson;
import ro.cluj.crt.command.lesson.LessonCommands.WithdrawLesson;
import ro.cluj.crt.command.write.CommandOutcome;
import ro.cluj.crt.command.write.Reasons;
import ro.cluj.crt.events.lesson.LessonContent;
import ro.cluj.crt.events.lesson.LessonDrafted;
import ro.cluj.crt.events.lesson.LessonId;
import ro.cluj.crt.events.lesson.LessonPublished;
import ro.cluj.crt.events.lesson.LessonRevised;
import ro.cluj.crt.events.lesson.LessonWithdrawn;
import ro.cluj.crt.support.web.ConflictException;
import ro.cluj.crt.support.web.RuleViolationException;

/**
 * A lesson learned from the interviews, traced to the interviews and measures it comes from. Drafts and published
 * lessons can be revised (with a reason, the old content kept in the event); publishing needs at least one source and
 * happens once (publishing again is a conflict, so a published lesson never changes silently); after withdrawal
 * nothing changes.
 */
@Aggregate
public class Lesson {

    @AggregateIdentifier
    private String lessonId;
    private LessonContent content;
    /** What the lesson was drafted with, to recognise a repeated create. */
    private LessonContent drafted;
    private State state;

    private enum State { DRAFT, PUBLISHED, WITHDRAWN }

    protected Lesson() {
        // for Axon: a lesson is rebuilt from its events
    }

    /** Drafts the lesson; the same draft again answers as the first time, other content under its id conflicts. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(DraftLesson command) {
        if (lessonId != null) {
            if (!command.content().equals(drafted)) {
                throw new ConflictException("drafted", "a lesson with this id was drafted with different content");
            }
            return new CommandOutcome.Repeated(lessonId);
        }
        apply(new LessonDrafted(LessonId.of(command.lessonId()), command.content()));
        return null;
    }

    @CommandHandler
    public void handle(ReviseLesson command) {
        requireNotWithdrawn();
        Reasons.require(command.reason());
        LessonContent revised = new LessonContent(
                Objects.requireNonNullElse(command.title(), content.title()),
                Objects.requireNonNullElse(command.text(), content.text()),
                Objects.requireNonNullElse(command.field(), content.field()),
                Objects.requireNonNullElse(command.lessonClass(), content.lessonClass()),
                Objects.requireNonNullElse(command.sources(), content.sources()));
        if (revised.equals(content)) {
            throw new RuleViolationException("revision-changes-something", "reason",
                    "the revision gives the lesson's current content");
        }
        if (state == State.PUBLISHED && revised.sources().isEmpty()) {
            throw new RuleViolationException("published-lesson-has-sources", "sources",
                    "a published lesson keeps at least one source");
        }
        apply(new LessonRevised(id(), content, revised, command.reason()));
    }

    @CommandHandler
    public void handle(PublishLesson command) {
        requireNotWithdrawn();
        if (state == State.PUBLISHED) {
            throw new ConflictException("published", "the lesson is published already");
        }
        if (content.sources().isEmpty()) {
            throw new RuleViolationException("publish-needs-source", "sources",
                    "a lesson is published with at least one interview or measure it comes from");
        }
        apply(new LessonPublished(id()));
    }

    @CommandHandler
    public void handle(WithdrawLesson command) {
        requireNotWithdrawn();
        Reasons.require(command.reason());
        apply(new LessonWithdrawn(id(), command.reason()));
    }

    private void requireNotWithdrawn() {
        if (state == State.WITHDRAWN) {
            throw new ConflictException("withdrawn", "the lesson is withdrawn and changes no more");
        }
    }

    private LessonId id() {
        return LessonId.of(lessonId);
    }

    @EventSourcingHandler
    void on(LessonDrafted event) {
        lessonId = event.lessonId().value();
        content = event.content();
        drafted = event.content();
        state = State.DRAFT;
    }

    @EventSourcingHandler
    void on(LessonRevised event) {
        content = event.content();
    }

    @EventSourcingHandler
    void on(LessonPublished event) {
        state = State.PUBLISHED;
    }

    @EventSourcingHandler
    void on(LessonWithdrawn event) {
        state = State.WITHDRAWN;
    }
}
