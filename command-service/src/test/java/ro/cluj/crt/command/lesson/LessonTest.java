package ro.cluj.crt.command.lesson;

import static ro.cluj.crt.command.ProblemMatchers.conflict;
import static ro.cluj.crt.command.ProblemMatchers.invalidFields;
import static ro.cluj.crt.command.ProblemMatchers.ruleViolation;

import java.util.List;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import ro.cluj.crt.command.lesson.LessonCommands.DraftLesson;
import ro.cluj.crt.command.lesson.LessonCommands.PublishLesson;
import ro.cluj.crt.command.lesson.LessonCommands.ReviseLesson;
import ro.cluj.crt.command.lesson.LessonCommands.WithdrawLesson;
import ro.cluj.crt.command.write.CommandOutcome;
import ro.cluj.crt.events.lesson.LessonContent;
import ro.cluj.crt.events.lesson.LessonDrafted;
import ro.cluj.crt.events.lesson.LessonId;
import ro.cluj.crt.events.lesson.LessonPublished;
import ro.cluj.crt.events.lesson.LessonRevised;
import ro.cluj.crt.events.lesson.LessonSource;
import ro.cluj.crt.events.lesson.LessonWithdrawn;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.LessonClass;

@DisplayName("Lesson aggregate")
class LessonTest {

    private static final String ID = "lesson-food-parcels";
    private static final LessonSource MEASURE = new LessonSource("interview-1", "measure-1");
    private static final LessonSource INTERVIEW = new LessonSource("interview-2", null);
    private static final LessonContent DRAFT = new LessonContent("Food parcels reach people when volunteers are "
            + "insured", "Volunteers need insurance from day one.", Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS,
            LessonClass.SCALE, List.of(MEASURE));
    private static final LessonContent NO_SOURCES = new LessonContent(DRAFT.title(), DRAFT.text(), DRAFT.field(),
            DRAFT.lessonClass(), List.of());
    private static final String REASON = "the second interview tells the same";

    private AggregateTestFixture<Lesson> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Lesson.class);
    }

    @Nested
    @DisplayName("DraftLesson")
    class Draft {

        @Test
        void draftsALessonWithItsSources() {
            fixture.givenNoPriorActivity()
                   .when(new DraftLesson(ID, DRAFT))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(drafted(DRAFT));
        }

        @Test
        void draftsALessonWithoutSourcesYet() {
            fixture.givenNoPriorActivity()
                   .when(new DraftLesson(ID, NO_SOURCES))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(drafted(NO_SOURCES));
        }

        @Test
        void aRepeatedDraftAnswersAsTheFirstAndAppliesNothing() {
            fixture.given(drafted(DRAFT))
                   .when(new DraftLesson(ID, DRAFT))
                   .expectNoEvents()
                   .expectResultMessagePayload(new CommandOutcome.Repeated(ID));
        }

        @Test
        void theSameIdWithOtherContentIsAConflict() {
            fixture.given(drafted(DRAFT))
                   .when(new DraftLesson(ID, NO_SOURCES))
                   .expectNoEvents()
                   .expectException(conflict("drafted"));
        }
    }

    @Nested
    @DisplayName("ReviseLesson")
    class Revise {

        @Test
        void revisesTheGivenPartsAndKeepsThePreviousContent() {
            LessonContent revised = new LessonContent(DRAFT.title(), DRAFT.text(), Field.VOLUNTEERING_AND_SOLIDARITY,
                    LessonClass.REPLICATE, List.of(MEASURE, INTERVIEW));
            fixture.given(drafted(DRAFT))
                   .when(new ReviseLesson(ID, null, null, null, Field.VOLUNTEERING_AND_SOLIDARITY,
                           LessonClass.REPLICATE, List.of(MEASURE, INTERVIEW), REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new LessonRevised(LessonId.of(ID), DRAFT, revised, REASON));
        }

        @Test
        void revisesAPublishedLessonInTheOpen() {
            LessonContent revised = withTitle("Insure volunteers from day one");
            fixture.given(drafted(DRAFT), published())
                   .when(new ReviseLesson(ID, null, revised.title(), null, null, null, null, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new LessonRevised(LessonId.of(ID), DRAFT, revised, REASON));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void needsAReason(String reason) {
            fixture.given(drafted(DRAFT))
                   .when(new ReviseLesson(ID, null, "Another title", null, null, null, null, reason))
                   .expectNoEvents()
                   .expectException(invalidFields("reason"));
        }

        @Test
        void aRevisionThatChangesNothingBreaksARule() {
            fixture.given(drafted(DRAFT))
                   .when(new ReviseLesson(ID, null, DRAFT.title(), null, DRAFT.field(), null, null, REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation("revision-changes-something", "reason"));
        }

        @Test
        void aPublishedLessonKeepsASource() {
            fixture.given(drafted(DRAFT), published())
                   .when(new ReviseLesson(ID, null, null, null, null, null, List.of(), REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation("published-lesson-has-sources", "sources"));
        }

        @Test
        void aDraftMayLoseItsSources() {
            fixture.given(drafted(DRAFT))
                   .when(new ReviseLesson(ID, null, null, null, null, null, List.of(), REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new LessonRevised(LessonId.of(ID), DRAFT, NO_SOURCES, REASON));
        }

        @Test
        void aWithdrawnLessonIsNotRevised() {
            fixture.given(drafted(DRAFT), published(), withdrawn())
                   .when(new ReviseLesson(ID, null, "Another title", null, null, null, null, REASON))
                   .expectNoEvents()
                   .expectException(conflict("withdrawn"));
        }

        @Test
        void aStaleVersionIsRefused() {
            fixture.given(drafted(DRAFT), published())
                   .when(new ReviseLesson(ID, 0L, "Another title", null, null, null, null, REASON))
                   .expectNoEvents()
                   .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void theCurrentVersionIsAccepted() {
            fixture.given(drafted(DRAFT), published())
                   .when(new ReviseLesson(ID, 1L, "Another title", null, null, null, null, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new LessonRevised(LessonId.of(ID), DRAFT, withTitle("Another title"), REASON));
        }
    }

    @Nested
    @DisplayName("PublishLesson")
    class Publish {

        @Test
        void publishesADraftWithASource() {
            fixture.given(drafted(DRAFT))
                   .when(new PublishLesson(ID, null))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(published());
        }

        @Test
        void needsASource() {
            fixture.given(drafted(NO_SOURCES))
                   .when(new PublishLesson(ID, null))
                   .expectNoEvents()
                   .expectException(ruleViolation("publish-needs-source", "sources"));
        }

        @Test
        void needsTheSourceARevisionAdded() {
            fixture.given(drafted(NO_SOURCES), new LessonRevised(LessonId.of(ID), NO_SOURCES, DRAFT, REASON))
                   .when(new PublishLesson(ID, null))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(published());
        }

        @Test
        void publishingTwiceIsAConflict() {
            fixture.given(drafted(DRAFT), published())
                   .when(new PublishLesson(ID, null))
                   .expectNoEvents()
                   .expectException(conflict("published"));
        }

        @Test
        void aWithdrawnLessonIsNotPublished() {
            fixture.given(drafted(DRAFT), withdrawn())
                   .when(new PublishLesson(ID, null))
                   .expectNoEvents()
                   .expectException(conflict("withdrawn"));
        }
    }

    @Nested
    @DisplayName("WithdrawLesson")
    class Withdraw {

        @Test
        void withdrawsADraft() {
            fixture.given(drafted(DRAFT))
                   .when(new WithdrawLesson(ID, null, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(withdrawn());
        }

        @Test
        void withdrawsAPublishedLesson() {
            fixture.given(drafted(DRAFT), published())
                   .when(new WithdrawLesson(ID, null, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(withdrawn());
        }

        @ParameterizedTest
        @NullAndEmptySource
        void needsAReason(String reason) {
            fixture.given(drafted(DRAFT))
                   .when(new WithdrawLesson(ID, null, reason))
                   .expectNoEvents()
                   .expectException(invalidFields("reason"));
        }

        @Test
        void withdrawingTwiceIsAConflict() {
            fixture.given(drafted(DRAFT), withdrawn())
                   .when(new WithdrawLesson(ID, null, REASON))
                   .expectNoEvents()
                   .expectException(conflict("withdrawn"));
        }
    }

    private static LessonContent withTitle(String title) {
        return new LessonContent(title, DRAFT.text(), DRAFT.field(), DRAFT.lessonClass(), DRAFT.sources());
    }

    private static LessonDrafted drafted(LessonContent content) {
        return new LessonDrafted(LessonId.of(ID), content);
    }

    private static LessonPublished published() {
        return new LessonPublished(LessonId.of(ID));
    }

    private static LessonWithdrawn withdrawn() {
        return new LessonWithdrawn(LessonId.of(ID), REASON);
    }
}
