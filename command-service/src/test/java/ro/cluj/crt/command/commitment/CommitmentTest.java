package ro.cluj.crt.command.commitment;

import static org.hamcrest.Matchers.instanceOf;
import static ro.cluj.crt.command.ProblemMatchers.conflict;
import static ro.cluj.crt.command.ProblemMatchers.invalidFields;
import static ro.cluj.crt.command.ProblemMatchers.ruleViolation;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import ro.cluj.crt.command.commitment.CommitmentCommands.AbandonCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.AchieveMilestone;
import ro.cluj.crt.command.commitment.CommitmentCommands.AddCoSigner;
import ro.cluj.crt.command.commitment.CommitmentCommands.AddMilestone;
import ro.cluj.crt.command.commitment.CommitmentCommands.FulfilCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.MakeCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReopenCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReportProgress;
import ro.cluj.crt.command.commitment.CommitmentCommands.RescheduleMilestone;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReviewCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReviseCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.WithdrawCoSigner;
import ro.cluj.crt.events.commitment.CoSignerAdded;
import ro.cluj.crt.events.commitment.CoSignerWithdrawn;
import ro.cluj.crt.events.commitment.CommitmentAbandoned;
import ro.cluj.crt.events.commitment.CommitmentFulfilled;
import ro.cluj.crt.events.commitment.CommitmentId;
import ro.cluj.crt.events.commitment.CommitmentMade;
import ro.cluj.crt.events.commitment.CommitmentOrigin;
import ro.cluj.crt.events.commitment.CommitmentReopened;
import ro.cluj.crt.events.commitment.CommitmentReviewed;
import ro.cluj.crt.events.commitment.CommitmentRevised;
import ro.cluj.crt.events.commitment.Milestone;
import ro.cluj.crt.events.commitment.MilestoneAchieved;
import ro.cluj.crt.events.commitment.MilestoneAdded;
import ro.cluj.crt.events.commitment.MilestoneRescheduled;
import ro.cluj.crt.events.commitment.ProgressReported;
import ro.cluj.crt.events.vocabulary.AssessmentLevel;
import ro.cluj.crt.events.vocabulary.CommitmentKind;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.ProgressStatus;
import ro.cluj.crt.support.web.NotFoundException;

@DisplayName("Commitment aggregate")
class CommitmentTest {

    private static final String ID = "commitment-2024_07";
    private static final String LEAD = "org-lead";
    private static final String CO_SIGNER = "org-co-signer";
    private static final String NEWCOMER = "org-newcomer";
    private static final String TITLE = "Extend the meal deliveries to Someseni";
    private static final String NEW_TITLE = "Extend the meal deliveries to Someseni and Sopor";
    private static final String DESCRIPTION = "Hot meals for isolated elderly people, five days a week";
    private static final CommitmentOrigin ORIGIN = new CommitmentOrigin("session-2024-02", List.of("lesson-3"));
    private static final LocalDate START = LocalDate.of(2024, 3, 1);
    private static final LocalDate TARGET = LocalDate.of(2025, 12, 31);
    private static final LocalDate TODAY = LocalDate.of(2024, 9, 16);
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);
    private static final String FIRST = "milestone-1";
    private static final String SECOND = "milestone-2";
    private static final String THIRD = "milestone-3";
    private static final LocalDate FIRST_DUE = LocalDate.of(2024, 6, 30);
    private static final LocalDate SECOND_DUE = LocalDate.of(2025, 6, 30);
    private static final LocalDate THIRD_DUE = LocalDate.of(2025, 3, 31);
    private static final String NOTE = "forty people reached in August";
    private static final List<String> EVIDENCE = List.of("delivery log for August", "photo of the kitchen");
    private static final String REASON = "the kitchen moved to another district";
    private static final String SPAN_RULE = "milestone-within-span";
    private static final String TARGET_RULE = "target-after-start";
    private static final String DROP_RULE = "percentage-drop-needs-reason";

    private AggregateTestFixture<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    @Nested
    @DisplayName("MakeCommitment")
    class Make {

        @Test
        void makesACommitmentWithItsCoSignersAndMilestones() {
            fixture.givenNoPriorActivity()
                   .when(make())
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(made());
        }

        @Test
        void makesACommitmentOfOneOrganisationWithoutMilestones() {
            fixture.givenNoPriorActivity()
                   .when(make(List.of(), START, TARGET, List.of()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(made(List.of(), START, TARGET, List.of()));
        }

        @Test
        void acceptsATargetDateOnTheStartDate() {
            fixture.givenNoPriorActivity()
                   .when(make(List.of(CO_SIGNER), START, START, List.of(milestone(FIRST, START))))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(made(List.of(CO_SIGNER), START, START, List.of(milestone(FIRST, START))));
        }

        @Test
        void rejectsATargetDateBeforeTheStart() {
            fixture.givenNoPriorActivity()
                   .when(make(List.of(CO_SIGNER), START, START.minusDays(1), List.of()))
                   .expectNoEvents()
                   .expectException(ruleViolation(TARGET_RULE, "targetDate"));
        }

        @Test
        void rejectsTheLeadOrganisationAmongTheCoSigners() {
            fixture.givenNoPriorActivity()
                   .when(make(List.of(CO_SIGNER, LEAD), START, TARGET, List.of()))
                   .expectNoEvents()
                   .expectException(ruleViolation("lead-is-no-co-signer", "coSignerIds"));
        }

        @Test
        void rejectsAMilestoneDueBeforeTheStart() {
            fixture.givenNoPriorActivity()
                   .when(make(List.of(), START, TARGET, List.of(milestone(FIRST, START.minusDays(1)))))
                   .expectNoEvents()
                   .expectException(ruleViolation(SPAN_RULE, "milestones[0].dueDate"));
        }

        @Test
        void rejectsAMilestoneDueAfterTheTarget() {
            fixture.givenNoPriorActivity()
                   .when(make(List.of(), START, TARGET, List.of(first(), milestone(SECOND, TARGET.plusDays(1)))))
                   .expectNoEvents()
                   .expectException(ruleViolation(SPAN_RULE, "milestones[1].dueDate"));
        }

        @Test
        void acceptsMilestonesDueOnTheStartAndOnTheTargetDate() {
            List<Milestone> onTheBounds = List.of(milestone(FIRST, START), milestone(SECOND, TARGET));

            fixture.givenNoPriorActivity()
                   .when(make(List.of(CO_SIGNER), START, TARGET, onTheBounds))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(made(List.of(CO_SIGNER), START, TARGET, onTheBounds));
        }

        @Test
        void rejectsTwoMilestonesWithTheSameId() {
            fixture.givenNoPriorActivity()
                   .when(make(List.of(), START, TARGET, List.of(first(), milestone(FIRST, SECOND_DUE))))
                   .expectNoEvents()
                   .expectException(invalidFields("milestones[1].id"));
        }

        @Test
        void namesTheMilestoneThatRepeatsAnEarlierId() {
            List<Milestone> repeated = List.of(first(), second(), milestone(FIRST, THIRD_DUE));

            fixture.givenNoPriorActivity()
                   .when(make(List.of(), START, TARGET, repeated))
                   .expectNoEvents()
                   .expectException(invalidFields("milestones[2].id"));
        }
    }

    @Nested
    @DisplayName("AddMilestone")
    class AddMilestoneTests {

        @Test
        void addsAMilestoneWithinTheSpan() {
            fixture.given(made())
                   .when(addMilestone(third()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(milestoneAdded(third()));
        }

        @ParameterizedTest(name = "due {0}")
        @ValueSource(strings = {"2024-03-01", "2025-12-31"})
        void acceptsAMilestoneDueOnTheStartOrOnTheTargetDate(String due) {
            Milestone onTheBound = milestone(THIRD, LocalDate.parse(due));

            fixture.given(made())
                   .when(addMilestone(onTheBound))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(milestoneAdded(onTheBound));
        }

        @Test
        void rejectsTheIdOfAnOpenMilestone() {
            fixture.given(made())
                   .when(addMilestone(milestone(SECOND, THIRD_DUE)))
                   .expectNoEvents()
                   .expectException(conflict("milestone-exists"));
        }

        @Test
        void rejectsTheIdOfAnAchievedMilestone() {
            fixture.given(made(), achieved(FIRST, YESTERDAY))
                   .when(addMilestone(milestone(FIRST, THIRD_DUE)))
                   .expectNoEvents()
                   .expectException(conflict("milestone-exists"));
        }

        @Test
        void rejectsTheIdOfAMilestoneAddedLater() {
            fixture.given(made(), milestoneAdded(third()))
                   .when(addMilestone(milestone(THIRD, SECOND_DUE)))
                   .expectNoEvents()
                   .expectException(conflict("milestone-exists"));
        }

        @Test
        void rejectsAMilestoneDueBeforeTheStart() {
            fixture.given(made())
                   .when(addMilestone(milestone(THIRD, START.minusDays(1))))
                   .expectNoEvents()
                   .expectException(ruleViolation(SPAN_RULE, "dueDate"));
        }

        @Test
        void rejectsAMilestoneDueAfterTheTarget() {
            fixture.given(made())
                   .when(addMilestone(milestone(THIRD, TARGET.plusDays(1))))
                   .expectNoEvents()
                   .expectException(ruleViolation(SPAN_RULE, "dueDate"));
        }

        @Test
        void rejectsAMilestoneBeyondATargetDateRevisedEarlier() {
            fixture.given(made(), revised(RevisablePart.TARGET_DATE, "2025-12-31", "2025-09-30"))
                   .when(addMilestone(milestone(THIRD, LocalDate.of(2025, 10, 31))))
                   .expectNoEvents()
                   .expectException(ruleViolation(SPAN_RULE, "dueDate"));
        }

        @Test
        void rejectsAMilestoneBasedOnAStaleVersion() {
            fixture.given(made(), milestoneAdded(third()))
                   .when(new AddMilestone(ID, 0L, milestone("milestone-4", THIRD_DUE)))
                   .expectNoEvents()
                   .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void acceptsAMilestoneBasedOnTheCurrentVersion() {
            fixture.given(made(), milestoneAdded(third()))
                   .when(new AddMilestone(ID, 1L, milestone("milestone-4", THIRD_DUE)))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(milestoneAdded(milestone("milestone-4", THIRD_DUE)));
        }
    }

    @Nested
    @DisplayName("RescheduleMilestone")
    class Reschedule {

        @Test
        void movesTheDueDateAndKeepsThePreviousOneWithTheReason() {
            fixture.given(made())
                   .when(reschedule(FIRST, THIRD_DUE, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(rescheduled(FIRST, FIRST_DUE, THIRD_DUE, REASON));
        }

        @Test
        void keepsTheDateOfTheLastReschedulingAsThePreviousOne() {
            fixture.given(made(), rescheduled(FIRST, FIRST_DUE, THIRD_DUE, REASON))
                   .when(reschedule(FIRST, SECOND_DUE, "the supplier is late"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(rescheduled(FIRST, THIRD_DUE, SECOND_DUE, "the supplier is late"));
        }

        @Test
        void reschedulesAMilestoneAddedLater() {
            fixture.given(made(), milestoneAdded(third()))
                   .when(reschedule(THIRD, TARGET, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(rescheduled(THIRD, THIRD_DUE, TARGET, REASON));
        }

        @Test
        void rejectsAnUnknownMilestone() {
            fixture.given(made())
                   .when(reschedule("milestone-9", THIRD_DUE, REASON))
                   .expectNoEvents()
                   .expectException(instanceOf(NotFoundException.class));
        }

        @Test
        void rejectsAnAchievedMilestone() {
            fixture.given(made(), achieved(FIRST, YESTERDAY))
                   .when(reschedule(FIRST, THIRD_DUE, REASON))
                   .expectNoEvents()
                   .expectException(conflict("achieved"));
        }

        @Test
        void rejectsADueDateBeforeTheStart() {
            fixture.given(made())
                   .when(reschedule(FIRST, START.minusDays(1), REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation(SPAN_RULE, "dueDate"));
        }

        @Test
        void rejectsADueDateAfterTheTarget() {
            fixture.given(made())
                   .when(reschedule(SECOND, TARGET.plusDays(1), REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation(SPAN_RULE, "dueDate"));
        }

        @ParameterizedTest(name = "reason [{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n "})
        void requiresAReason(String reason) {
            fixture.given(made())
                   .when(reschedule(FIRST, THIRD_DUE, reason))
                   .expectNoEvents()
                   .expectException(invalidFields("reason"));
        }
    }

    @Nested
    @DisplayName("AchieveMilestone")
    class Achieve {

        @Test
        void recordsTheAchievementWithItsEvidence() {
            fixture.given(made())
                   .when(achieve(FIRST, YESTERDAY))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(achieved(FIRST, YESTERDAY));
        }

        @Test
        void acceptsAnAchievementOnToday() {
            fixture.given(made())
                   .when(achieve(SECOND, TODAY))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(achieved(SECOND, TODAY));
        }

        @Test
        void rejectsAnAchievementAfterToday() {
            fixture.given(made())
                   .when(achieve(FIRST, TODAY.plusDays(1)))
                   .expectNoEvents()
                   .expectException(invalidFields("achievedOn"));
        }

        @Test
        void rejectsAchievingAMilestoneTwice() {
            fixture.given(made(), achieved(FIRST, YESTERDAY))
                   .when(achieve(FIRST, TODAY))
                   .expectNoEvents()
                   .expectException(conflict("achieved"));
        }

        @Test
        void rejectsAnUnknownMilestone() {
            fixture.given(made())
                   .when(achieve(THIRD, TODAY))
                   .expectNoEvents()
                   .expectException(instanceOf(NotFoundException.class));
        }
    }

    @Nested
    @DisplayName("ReportProgress")
    class Report {

        @Test
        void reportsProgressAsItStoodOnTheDayReportedFor() {
            fixture.given(made())
                   .when(report(40, null))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(progress(40, null));
        }

        @ParameterizedTest(name = "{0}%")
        @ValueSource(ints = {0, 100})
        void acceptsAPercentageOnTheBounds(int percentage) {
            fixture.given(made())
                   .when(report(percentage, null))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(progress(percentage, null));
        }

        @ParameterizedTest(name = "{0}%")
        @ValueSource(ints = {-1, 101})
        void rejectsAPercentageOutsideZeroToAHundred(int percentage) {
            fixture.given(made())
                   .when(report(percentage, null))
                   .expectNoEvents()
                   .expectException(invalidFields("percentage"));
        }

        @ParameterizedTest(name = "reason [{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n "})
        void rejectsADropWithoutAReason(String reason) {
            fixture.given(made(), progress(60, null))
                   .when(report(40, reason))
                   .expectNoEvents()
                   .expectException(ruleViolation(DROP_RULE, "reason"));
        }

        @Test
        void acceptsADropWithAReason() {
            fixture.given(made(), progress(60, null))
                   .when(report(40, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(progress(40, REASON));
        }

        @ParameterizedTest(name = "{0}% after 60%")
        @ValueSource(ints = {60, 75})
        void acceptsAnEqualOrHigherPercentageWithoutAReason(int percentage) {
            fixture.given(made(), progress(60, null))
                   .when(report(percentage, null))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(progress(percentage, null));
        }

        @Test
        void acceptsAReportWithoutPercentageAfterOneWithAPercentage() {
            fixture.given(made(), progress(60, null))
                   .when(report(null, null))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(progress(null, null));
        }

        @Test
        void comparesWithTheLastPercentageGivenAcrossReportsWithoutOne() {
            fixture.given(made(), progress(60, null), progress(null, null))
                   .when(report(40, null))
                   .expectNoEvents()
                   .expectException(ruleViolation(DROP_RULE, "reason"));
        }

        @Test
        void comparesWithTheLastPercentageNotTheHighest() {
            fixture.given(made(), progress(80, null), progress(50, REASON))
                   .when(report(70, null))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(progress(70, null));
        }

        @Test
        void acceptsAReportForToday() {
            fixture.given(made())
                   .when(report(20, null, TODAY))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(progress(20, null, TODAY));
        }

        @Test
        void rejectsAReportForADayAfterToday() {
            fixture.given(made())
                   .when(report(20, null, TODAY.plusDays(1)))
                   .expectNoEvents()
                   .expectException(invalidFields("reportedFor"));
        }
    }

    @Nested
    @DisplayName("ReviseCommitment")
    class Revise {

        @Test
        void revisesTheTitle() {
            fixture.given(made())
                   .when(revise(RevisablePart.TITLE, NEW_TITLE, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(revised(RevisablePart.TITLE, TITLE, NEW_TITLE));
        }

        @Test
        void revisesTheDescription() {
            fixture.given(made())
                   .when(revise(RevisablePart.DESCRIPTION, "Hot meals every day", REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(revised(RevisablePart.DESCRIPTION, DESCRIPTION, "Hot meals every day"));
        }

        @Test
        void revisesTheFieldByItsCode() {
            fixture.given(made())
                   .when(revise(RevisablePart.FIELD, "health", REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(revised(RevisablePart.FIELD, "social-support-and-basic-needs", "health"));
        }

        @Test
        void revisesTheKindByItsCode() {
            fixture.given(made())
                   .when(revise(RevisablePart.KIND, "scale-service", REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(revised(RevisablePart.KIND, "improve-measure", "scale-service"));
        }

        @Test
        void revisesTheStartDate() {
            fixture.given(made())
                   .when(revise(RevisablePart.START_DATE, "2024-04-15", REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(revised(RevisablePart.START_DATE, "2024-03-01", "2024-04-15"));
        }

        @Test
        void revisesTheTargetDate() {
            fixture.given(made())
                   .when(revise(RevisablePart.TARGET_DATE, "2026-06-30", REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(revised(RevisablePart.TARGET_DATE, "2025-12-31", "2026-06-30"));
        }

        @Test
        void revisesAPartAgainWithTheRevisedValueAsThePreviousOne() {
            fixture.given(made(), revised(RevisablePart.TITLE, TITLE, NEW_TITLE))
                   .when(revise(RevisablePart.TITLE, TITLE, "back to the original"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new CommitmentRevised(id(), "title", NEW_TITLE, TITLE, "back to the original"));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(RevisablePart.class)
        void rejectsTheCurrentValue(RevisablePart part) {
            fixture.given(made())
                   .when(revise(part, currentValue(part), REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation("revision-changes-something", "value"));
        }

        @Test
        void rejectsTheValueARevisionAlreadyGave() {
            fixture.given(made(), revised(RevisablePart.KIND, "improve-measure", "scale-service"))
                   .when(revise(RevisablePart.KIND, "scale-service", REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation("revision-changes-something", "value"));
        }

        @ParameterizedTest(name = "{0} [{1}]")
        @CsvSource({
            "field, wellbeing",
            "field, HEALTH",
            "kind, build-bridges",
            "startDate, 2024-02-30",
            "targetDate, 31.12.2026",
            "targetDate, next year"
        })
        void rejectsAValueThatIsNoneOfThePart(String partCode, String value) {
            fixture.given(made())
                   .when(revise(RevisablePart.fromCode(partCode), value, REASON))
                   .expectNoEvents()
                   .expectException(invalidFields("value"));
        }

        @Test
        void rejectsATargetDateThatLeavesAnOpenMilestoneOutside() {
            fixture.given(made())
                   .when(revise(RevisablePart.TARGET_DATE, "2025-06-29", REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation(SPAN_RULE, "value"));
        }

        @Test
        void rejectsAStartDateThatLeavesAnOpenMilestoneOutside() {
            fixture.given(made())
                   .when(revise(RevisablePart.START_DATE, "2024-07-01", REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation(SPAN_RULE, "value"));
        }

        @Test
        void rejectsATargetDateThatLeavesAnAddedMilestoneOutside() {
            fixture.given(made(), milestoneAdded(milestone(THIRD, TARGET)))
                   .when(revise(RevisablePart.TARGET_DATE, "2025-11-30", REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation(SPAN_RULE, "value"));
        }

        @Test
        void rejectsATargetDateThatLeavesARescheduledMilestoneOutside() {
            fixture.given(made(), rescheduled(SECOND, SECOND_DUE, TARGET, REASON))
                   .when(revise(RevisablePart.TARGET_DATE, "2025-11-30", REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation(SPAN_RULE, "value"));
        }

        @Test
        void acceptsATargetDateOnTheDueDateOfTheLastOpenMilestone() {
            fixture.given(made())
                   .when(revise(RevisablePart.TARGET_DATE, "2025-06-30", REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(revised(RevisablePart.TARGET_DATE, "2025-12-31", "2025-06-30"));
        }

        @Test
        void acceptsAStartDateThatLeavesOnlyAnAchievedMilestoneOutside() {
            fixture.given(made(), achieved(FIRST, YESTERDAY))
                   .when(revise(RevisablePart.START_DATE, "2024-07-01", REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(revised(RevisablePart.START_DATE, "2024-03-01", "2024-07-01"));
        }

        @Test
        void rejectsATargetDateBeforeTheStart() {
            fixture.given(made(List.of(CO_SIGNER), START, TARGET, List.of()))
                   .when(revise(RevisablePart.TARGET_DATE, "2024-02-29", REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation(TARGET_RULE, "value"));
        }

        @Test
        void rejectsAStartDateAfterTheTarget() {
            fixture.given(made(List.of(CO_SIGNER), START, TARGET, List.of()))
                   .when(revise(RevisablePart.START_DATE, "2026-01-01", REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation(TARGET_RULE, "value"));
        }

        @ParameterizedTest(name = "reason [{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n "})
        void requiresAReason(String reason) {
            fixture.given(made())
                   .when(revise(RevisablePart.TITLE, NEW_TITLE, reason))
                   .expectNoEvents()
                   .expectException(invalidFields("reason"));
        }

        @Test
        void acceptsALaterMilestoneWithinARevisedTargetDate() {
            Milestone later = milestone(THIRD, LocalDate.of(2026, 3, 31));

            fixture.given(made(), revised(RevisablePart.TARGET_DATE, "2025-12-31", "2026-06-30"))
                   .when(addMilestone(later))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(milestoneAdded(later));
        }

        @Test
        void acceptsAReschedulingWithinARevisedTargetDate() {
            LocalDate later = LocalDate.of(2026, 3, 31);

            fixture.given(made(), revised(RevisablePart.TARGET_DATE, "2025-12-31", "2026-06-30"))
                   .when(reschedule(SECOND, later, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(rescheduled(SECOND, SECOND_DUE, later, REASON));
        }

        @Test
        void acceptsAnEarlierMilestoneWithinARevisedStartDate() {
            Milestone earlier = milestone(THIRD, LocalDate.of(2024, 2, 1));

            fixture.given(made(), revised(RevisablePart.START_DATE, "2024-03-01", "2024-01-15"))
                   .when(addMilestone(earlier))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(milestoneAdded(earlier));
        }

        @Test
        void rejectsARevisionBasedOnAStaleVersion() {
            fixture.given(made(), revised(RevisablePart.TITLE, TITLE, NEW_TITLE))
                   .when(new ReviseCommitment(ID, 0L, RevisablePart.KIND, "scale-service", REASON))
                   .expectNoEvents()
                   .expectException(ConflictingAggregateVersionException.class);
        }
    }

    @Nested
    @DisplayName("ReviewCommitment")
    class Review {

        @Test
        void recordsTheAssessment() {
            fixture.given(made())
                   .when(review(YESTERDAY))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(reviewed(YESTERDAY));
        }

        @Test
        void reviewsAFulfilledCommitment() {
            fixture.given(made(), fulfilled(YESTERDAY))
                   .when(review(TODAY))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(reviewed(TODAY));
        }

        @Test
        void reviewsAnAbandonedCommitment() {
            fixture.given(made(), abandoned(REASON))
                   .when(review(TODAY))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(reviewed(TODAY));
        }

        @Test
        void rejectsAReviewForADayAfterToday() {
            fixture.given(made())
                   .when(review(TODAY.plusDays(1)))
                   .expectNoEvents()
                   .expectException(invalidFields("reviewedFor"));
        }
    }

    @Nested
    @DisplayName("AddCoSigner")
    class AddCoSignerTests {

        @Test
        void addsAnOrganisationAsCoSigner() {
            fixture.given(made())
                   .when(addCoSigner(NEWCOMER))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(coSignerAdded(NEWCOMER));
        }

        @Test
        void rejectsTheLeadOrganisation() {
            fixture.given(made())
                   .when(addCoSigner(LEAD))
                   .expectNoEvents()
                   .expectException(conflict("co-signer"));
        }

        @Test
        void rejectsAnOrganisationThatIsAlreadyCoSigner() {
            fixture.given(made())
                   .when(addCoSigner(CO_SIGNER))
                   .expectNoEvents()
                   .expectException(conflict("co-signer"));
        }

        @Test
        void rejectsAnOrganisationAddedEarlier() {
            fixture.given(made(), coSignerAdded(NEWCOMER))
                   .when(addCoSigner(NEWCOMER))
                   .expectNoEvents()
                   .expectException(conflict("co-signer"));
        }

        @Test
        void addsAgainAnOrganisationThatWithdrew() {
            fixture.given(made(), coSignerWithdrawn(CO_SIGNER, REASON))
                   .when(addCoSigner(CO_SIGNER))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(coSignerAdded(CO_SIGNER));
        }
    }

    @Nested
    @DisplayName("WithdrawCoSigner")
    class Withdraw {

        @Test
        void withdrawsACoSignerWithTheReason() {
            fixture.given(made())
                   .when(withdraw(CO_SIGNER, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(coSignerWithdrawn(CO_SIGNER, REASON));
        }

        @Test
        void withdrawsACoSignerAddedLater() {
            fixture.given(made(), coSignerAdded(NEWCOMER))
                   .when(withdraw(NEWCOMER, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(coSignerWithdrawn(NEWCOMER, REASON));
        }

        @Test
        void rejectsAnOrganisationThatIsNoCoSigner() {
            fixture.given(made())
                   .when(withdraw(NEWCOMER, REASON))
                   .expectNoEvents()
                   .expectException(instanceOf(NotFoundException.class));
        }

        @Test
        void rejectsTheLeadOrganisation() {
            fixture.given(made())
                   .when(withdraw(LEAD, REASON))
                   .expectNoEvents()
                   .expectException(instanceOf(NotFoundException.class));
        }

        @Test
        void rejectsACoSignerThatAlreadyWithdrew() {
            fixture.given(made(), coSignerWithdrawn(CO_SIGNER, REASON))
                   .when(withdraw(CO_SIGNER, REASON))
                   .expectNoEvents()
                   .expectException(instanceOf(NotFoundException.class));
        }

        @ParameterizedTest(name = "reason [{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n "})
        void requiresAReason(String reason) {
            fixture.given(made())
                   .when(withdraw(CO_SIGNER, reason))
                   .expectNoEvents()
                   .expectException(invalidFields("reason"));
        }
    }

    @Nested
    @DisplayName("FulfilCommitment")
    class Fulfil {

        @Test
        void fulfilsTheCommitmentWithNoteAndEvidence() {
            fixture.given(made())
                   .when(fulfil(YESTERDAY))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(fulfilled(YESTERDAY));
        }

        @Test
        void acceptsAFulfilmentOnToday() {
            fixture.given(made())
                   .when(fulfil(TODAY))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(fulfilled(TODAY));
        }

        @Test
        void rejectsAFulfilmentAfterToday() {
            fixture.given(made())
                   .when(fulfil(TODAY.plusDays(1)))
                   .expectNoEvents()
                   .expectException(invalidFields("fulfilledOn"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("ro.cluj.crt.command.commitment.CommitmentTest#changes")
        void refusesEveryChangeAfterFulfilment(String name, Object change, Object ignoredEvent) {
            fixture.given(made(), fulfilled(YESTERDAY))
                   .when(change)
                   .expectNoEvents()
                   .expectException(conflict("fulfilled"));
        }

        @Test
        void refusesTheFulfilmentOfAnAbandonedCommitment() {
            fixture.given(made(), abandoned(REASON))
                   .when(fulfil(TODAY))
                   .expectNoEvents()
                   .expectException(conflict("abandoned"));
        }
    }

    @Nested
    @DisplayName("AbandonCommitment")
    class Abandon {

        @Test
        void abandonsTheCommitmentWithTheReason() {
            fixture.given(made())
                   .when(abandon(REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(abandoned(REASON));
        }

        @ParameterizedTest(name = "reason [{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n "})
        void requiresAReason(String reason) {
            fixture.given(made())
                   .when(abandon(reason))
                   .expectNoEvents()
                   .expectException(invalidFields("reason"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("ro.cluj.crt.command.commitment.CommitmentTest#changes")
        void refusesEveryChangeAfterAbandonment(String name, Object change, Object ignoredEvent) {
            fixture.given(made(), abandoned(REASON))
                   .when(change)
                   .expectNoEvents()
                   .expectException(conflict("abandoned"));
        }
    }

    @Nested
    @DisplayName("ReopenCommitment")
    class Reopen {

        @Test
        void reopensAFulfilledCommitment() {
            fixture.given(made(), fulfilled(YESTERDAY))
                   .when(reopen(REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(reopened(REASON));
        }

        @Test
        void reopensAnAbandonedCommitment() {
            fixture.given(made(), abandoned(REASON))
                   .when(reopen("a new sponsor was found"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(reopened("a new sponsor was found"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("ro.cluj.crt.command.commitment.CommitmentTest#changes")
        void acceptsEveryChangeAgainAfterReopeningAFulfilledCommitment(String name, Object change, Object event) {
            fixture.given(made(), fulfilled(YESTERDAY), reopened(REASON))
                   .when(change)
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(event);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("ro.cluj.crt.command.commitment.CommitmentTest#changes")
        void acceptsEveryChangeAgainAfterReopeningAnAbandonedCommitment(String name, Object change, Object event) {
            fixture.given(made(), abandoned(REASON), reopened(REASON))
                   .when(change)
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(event);
        }

        @Test
        void keepsTheLastPercentageAcrossFulfilmentAndReopening() {
            fixture.given(made(), progress(60, null), fulfilled(YESTERDAY), reopened(REASON))
                   .when(report(40, null))
                   .expectNoEvents()
                   .expectException(ruleViolation(DROP_RULE, "reason"));
        }

        @Test
        void rejectsReopeningAnOpenCommitment() {
            fixture.given(made())
                   .when(reopen(REASON))
                   .expectNoEvents()
                   .expectException(conflict("open"));
        }

        @Test
        void rejectsReopeningACommitmentThatWasReopenedAlready() {
            fixture.given(made(), fulfilled(YESTERDAY), reopened(REASON))
                   .when(reopen(REASON))
                   .expectNoEvents()
                   .expectException(conflict("open"));
        }

        @ParameterizedTest(name = "reason [{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n "})
        void requiresAReason(String reason) {
            fixture.given(made(), fulfilled(YESTERDAY))
                   .when(reopen(reason))
                   .expectNoEvents()
                   .expectException(invalidFields("reason"));
        }

        @Test
        void rejectsAReopeningBasedOnAStaleVersion() {
            fixture.given(made(), fulfilled(YESTERDAY), reopened(REASON), abandoned(REASON))
                   .when(new ReopenCommitment(ID, 2L, REASON))
                   .expectNoEvents()
                   .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void acceptsAReopeningBasedOnTheCurrentVersion() {
            fixture.given(made(), fulfilled(YESTERDAY), reopened(REASON), abandoned(REASON))
                   .when(new ReopenCommitment(ID, 3L, "the money came after all"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(reopened("the money came after all"));
        }
    }

    // --- every change a closed commitment refuses, with the event it gives on the open commitment of made() ---

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("AddMilestone", addMilestone(third()), milestoneAdded(third())),
                Arguments.of("RescheduleMilestone", reschedule(FIRST, THIRD_DUE, REASON),
                        rescheduled(FIRST, FIRST_DUE, THIRD_DUE, REASON)),
                Arguments.of("AchieveMilestone", achieve(FIRST, TODAY), achieved(FIRST, TODAY)),
                Arguments.of("ReportProgress", report(50, null), progress(50, null)),
                Arguments.of("ReviseCommitment", revise(RevisablePart.TITLE, NEW_TITLE, REASON),
                        revised(RevisablePart.TITLE, TITLE, NEW_TITLE)),
                Arguments.of("AddCoSigner", addCoSigner(NEWCOMER), coSignerAdded(NEWCOMER)),
                Arguments.of("WithdrawCoSigner", withdraw(CO_SIGNER, REASON), coSignerWithdrawn(CO_SIGNER, REASON)),
                Arguments.of("FulfilCommitment", fulfil(TODAY), fulfilled(TODAY)),
                Arguments.of("AbandonCommitment", abandon(REASON), abandoned(REASON)));
    }

    // --- test data ---

    private static CommitmentId id() {
        return CommitmentId.of(ID);
    }

    private static Milestone milestone(String milestoneId, LocalDate dueDate) {
        return new Milestone(milestoneId, "Step " + milestoneId, dueDate);
    }

    private static Milestone first() {
        return milestone(FIRST, FIRST_DUE);
    }

    private static Milestone second() {
        return milestone(SECOND, SECOND_DUE);
    }

    private static Milestone third() {
        return milestone(THIRD, THIRD_DUE);
    }

    private static String currentValue(RevisablePart part) {
        return switch (part) {
            case TITLE -> TITLE;
            case DESCRIPTION -> DESCRIPTION;
            case FIELD -> "social-support-and-basic-needs";
            case KIND -> "improve-measure";
            case START_DATE -> "2024-03-01";
            case TARGET_DATE -> "2025-12-31";
        };
    }

    // commands

    private static MakeCommitment make() {
        return make(List.of(CO_SIGNER), START, TARGET, List.of(first(), second()));
    }

    private static MakeCommitment make(List<String> coSigners, LocalDate start, LocalDate target,
                                       List<Milestone> milestones) {
        return new MakeCommitment(ID, LEAD, coSigners, TITLE, DESCRIPTION, Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS,
                CommitmentKind.IMPROVE_MEASURE, ORIGIN, start, target, milestones);
    }

    private static AddMilestone addMilestone(Milestone milestone) {
        return new AddMilestone(ID, null, milestone);
    }

    private static RescheduleMilestone reschedule(String milestoneId, LocalDate dueDate, String reason) {
        return new RescheduleMilestone(ID, null, milestoneId, dueDate, reason);
    }

    private static AchieveMilestone achieve(String milestoneId, LocalDate achievedOn) {
        return new AchieveMilestone(ID, null, milestoneId, achievedOn, EVIDENCE, TODAY);
    }

    private static ReportProgress report(Integer percentage, String reason) {
        return report(percentage, reason, YESTERDAY);
    }

    private static ReportProgress report(Integer percentage, String reason, LocalDate reportedFor) {
        return new ReportProgress(ID, null, ProgressStatus.ON_TRACK, percentage, NOTE, EVIDENCE, reportedFor, reason,
                TODAY);
    }

    private static ReviseCommitment revise(RevisablePart part, String value, String reason) {
        return new ReviseCommitment(ID, null, part, value, reason);
    }

    private static ReviewCommitment review(LocalDate reviewedFor) {
        return new ReviewCommitment(ID, null, AssessmentLevel.SUBSTANTIAL, NOTE, reviewedFor, TODAY);
    }

    private static AddCoSigner addCoSigner(String organisationId) {
        return new AddCoSigner(ID, null, organisationId);
    }

    private static WithdrawCoSigner withdraw(String organisationId, String reason) {
        return new WithdrawCoSigner(ID, null, organisationId, reason);
    }

    private static FulfilCommitment fulfil(LocalDate fulfilledOn) {
        return new FulfilCommitment(ID, null, fulfilledOn, NOTE, EVIDENCE, TODAY);
    }

    private static AbandonCommitment abandon(String reason) {
        return new AbandonCommitment(ID, null, reason);
    }

    private static ReopenCommitment reopen(String reason) {
        return new ReopenCommitment(ID, null, reason);
    }

    // events

    private static CommitmentMade made() {
        return made(List.of(CO_SIGNER), START, TARGET, List.of(first(), second()));
    }

    private static CommitmentMade made(List<String> coSigners, LocalDate start, LocalDate target,
                                       List<Milestone> milestones) {
        return new CommitmentMade(id(), LEAD, coSigners, TITLE, DESCRIPTION, Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS,
                CommitmentKind.IMPROVE_MEASURE, ORIGIN, start, target, milestones);
    }

    private static MilestoneAdded milestoneAdded(Milestone milestone) {
        return new MilestoneAdded(id(), milestone);
    }

    private static MilestoneRescheduled rescheduled(String milestoneId, LocalDate previous, LocalDate dueDate,
                                                    String reason) {
        return new MilestoneRescheduled(id(), milestoneId, previous, dueDate, reason);
    }

    private static MilestoneAchieved achieved(String milestoneId, LocalDate achievedOn) {
        return new MilestoneAchieved(id(), milestoneId, achievedOn, EVIDENCE);
    }

    private static ProgressReported progress(Integer percentage, String reason) {
        return progress(percentage, reason, YESTERDAY);
    }

    private static ProgressReported progress(Integer percentage, String reason, LocalDate reportedFor) {
        return new ProgressReported(id(), ProgressStatus.ON_TRACK, percentage, NOTE, EVIDENCE, reportedFor, reason);
    }

    private static CommitmentRevised revised(RevisablePart part, String previous, String value) {
        return new CommitmentRevised(id(), part.code(), previous, value, REASON);
    }

    private static CommitmentReviewed reviewed(LocalDate reviewedFor) {
        return new CommitmentReviewed(id(), AssessmentLevel.SUBSTANTIAL, NOTE, reviewedFor);
    }

    private static CoSignerAdded coSignerAdded(String organisationId) {
        return new CoSignerAdded(id(), organisationId);
    }

    private static CoSignerWithdrawn coSignerWithdrawn(String organisationId, String reason) {
        return new CoSignerWithdrawn(id(), organisationId, reason);
    }

    private static CommitmentFulfilled fulfilled(LocalDate fulfilledOn) {
        return new CommitmentFulfilled(id(), fulfilledOn, NOTE, EVIDENCE);
    }

    private static CommitmentAbandoned abandoned(String reason) {
        return new CommitmentAbandoned(id(), reason);
    }

    private static CommitmentReopened reopened(String reason) {
        return new CommitmentReopened(id(), reason);
    }
}
