package ro.cluj.crt.command.commitment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
import ro.cluj.crt.events.commitment.MilestoneMissed;
import ro.cluj.crt.events.commitment.MilestoneRescheduled;
import ro.cluj.crt.events.commitment.ProgressReported;
import ro.cluj.crt.events.commitment.TargetDateMissed;
import ro.cluj.crt.events.vocabulary.AssessmentLevel;
import ro.cluj.crt.events.vocabulary.CommitmentKind;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.ProgressStatus;
import ro.cluj.crt.support.store.StorageSerialization;

/**
 * A commitment loaded from a snapshot (its state written and read by the storage serializer, as the snapshotter and
 * the event store do) must answer every command, and fire every deadline, exactly as one rebuilt from its events.
 */
@DisplayName("Commitment snapshots")
class CommitmentSnapshotTest {

    private static final ZoneId CLUJ = ZoneId.of("Europe/Bucharest");
    private static final String ID = "commitment-1";
    private static final CommitmentId CID = CommitmentId.of(ID);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final Instant NOW = TODAY.atTime(12, 0).atZone(CLUJ).toInstant();
    private static final LocalDate START = TODAY.minusYears(3);
    private static final LocalDate TARGET = TODAY.plusYears(2);
    private static final LocalDate MISSED_ON = TODAY.minusMonths(4);
    private static final MakeCommitment MADE = new MakeCommitment(ID, "org-lead", List.of("org-a", "org-b"),
            "Keep the food bank network running", "Depots, volunteers and deliveries in every district.",
            Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS, CommitmentKind.SCALE_SERVICE,
            new CommitmentOrigin("ws-1", List.of("lesson-1")), START, TARGET,
            List.of(new Milestone("m1", "First depots", START.plusMonths(6)),
                    new Milestone("z9", "Every district", TODAY.plusMonths(6)),
                    new Milestone("b2", "Second winter", MISSED_ON)));

    private final Serializer serializer = StorageSerialization.storageSerializer();

    /** Years of follow-up: every kind of event, hundreds of progress reports, the commitment open at the end. */
    private static List<Object> openHistory() {
        List<Object> events = new ArrayList<>();
        events.add(new CommitmentMade(CID, MADE.leadOrganisationId(), MADE.coSignerIds(), MADE.title(),
                MADE.description(), MADE.field(), MADE.kind(), MADE.origin(), START, TARGET, MADE.milestones()));
        for (int i = 0; i < 300; i++) {
            LocalDate day = START.plusDays(3L * i);
            events.add(new ProgressReported(CID, ProgressStatus.values()[i % 4], i % 7 == 0 ? null : i / 4,
                    "Week " + i, List.of("https://example.org/r/" + i), day, null));
            if (i % 25 == 0) {
                events.add(new CommitmentReviewed(CID, AssessmentLevel.values()[i % 4], "Review " + i, day));
            }
        }
        events.add(new MilestoneAchieved(CID, "m1", START.plusMonths(5), List.of("https://example.org/m1")));
        events.add(new MilestoneAdded(CID, new Milestone("c3", "Cold storage", TODAY.plusMonths(3))));
        events.add(new MilestoneRescheduled(CID, "c3", TODAY.plusMonths(3), TODAY.plusMonths(4), "supplier late"));
        events.add(new MilestoneMissed(CID, "b2", MISSED_ON));
        events.add(new CommitmentRevised(CID, "title", MADE.title(), "Keep the county's food banks running",
                "clearer"));
        events.add(new CommitmentRevised(CID, "description", MADE.description(), "Every district, every week.",
                "shorter"));
        events.add(new CommitmentRevised(CID, "field", "social-support-and-basic-needs", "health", "re-filed"));
        events.add(new CommitmentRevised(CID, "kind", "scale-service", "provide-support", "re-filed"));
        events.add(new CommitmentRevised(CID, "startDate", START.toString(), START.plusDays(2).toString(), "typo"));
        events.add(new CommitmentRevised(CID, "targetDate", TARGET.toString(), TARGET.plusMonths(1).toString(),
                "funding extended"));
        events.add(new CoSignerAdded(CID, "org-c"));
        events.add(new CoSignerWithdrawn(CID, "org-a", "left the city"));
        events.add(new TargetDateMissed(CID, TODAY.minusYears(1)));
        events.add(new CommitmentFulfilled(CID, TODAY.minusMonths(2), "done", List.of()));
        events.add(new CommitmentReopened(CID, "a depot closed again"));
        events.add(new CommitmentAbandoned(CID, "funding stopped"));
        events.add(new CommitmentReopened(CID, "funding found"));
        events.add(new ProgressReported(CID, ProgressStatus.ON_TRACK, 80, "back on track", List.of(), TODAY, null));
        return events;
    }

    private static List<Object> fulfilledHistory() {
        List<Object> events = openHistory();
        events.add(new CommitmentFulfilled(CID, TODAY, "done for good", List.of()));
        return events;
    }

    /** Every command the aggregate handles, in cases that apply and cases that are refused. */
    private static List<Object> probes() {
        String reason = "a reason";
        return List.of(
                MADE,
                new MakeCommitment(ID, "org-other", List.of(), "t", "d", Field.HEALTH, CommitmentKind.SCALE_SERVICE,
                        new CommitmentOrigin("ws-2", List.of()), START, TARGET, List.of()),
                new AddMilestone(ID, null, new Milestone("n4", "New", TODAY.plusMonths(1))),
                new AddMilestone(ID, null, new Milestone("m1", "Again", TODAY.plusMonths(1))),
                new AddMilestone(ID, null, new Milestone("c3", "Again", TODAY.plusMonths(1))),
                new AddMilestone(ID, null, new Milestone("n5", "Too late", TARGET.plusMonths(2))),
                new RescheduleMilestone(ID, null, "z9", TODAY.plusMonths(8), reason),
                new RescheduleMilestone(ID, null, "m1", TODAY.plusMonths(8), reason),
                new RescheduleMilestone(ID, null, "nope", TODAY.plusMonths(8), reason),
                new RescheduleMilestone(ID, null, "z9", TODAY.plusMonths(8), " "),
                new AchieveMilestone(ID, null, "c3", TODAY, List.of(), TODAY),
                new AchieveMilestone(ID, null, "m1", TODAY, List.of(), TODAY),
                new AchieveMilestone(ID, null, "z9", TODAY.plusDays(1), List.of(), TODAY),
                new ReportProgress(ID, null, ProgressStatus.AT_RISK, 79, "less", List.of(), TODAY, null, TODAY),
                new ReportProgress(ID, null, ProgressStatus.AT_RISK, 79, "less", List.of(), TODAY, "flood", TODAY),
                new ReportProgress(ID, null, ProgressStatus.ON_TRACK, 81, "more", List.of(), TODAY, null, TODAY),
                new ReportProgress(ID, null, ProgressStatus.ON_TRACK, 101, "too much", List.of(), TODAY, null, TODAY),
                new ReviseCommitment(ID, null, RevisablePart.TITLE, "Keep the county's food banks running", reason),
                new ReviseCommitment(ID, null, RevisablePart.TITLE, "Another title", reason),
                new ReviseCommitment(ID, null, RevisablePart.DESCRIPTION, "Every district, every week.", reason),
                new ReviseCommitment(ID, null, RevisablePart.FIELD, "health", reason),
                new ReviseCommitment(ID, null, RevisablePart.FIELD, "culture", reason),
                new ReviseCommitment(ID, null, RevisablePart.KIND, "provide-support", reason),
                new ReviseCommitment(ID, null, RevisablePart.START_DATE, START.plusDays(2).toString(), reason),
                new ReviseCommitment(ID, null, RevisablePart.START_DATE, TODAY.plusMonths(5).toString(), reason),
                new ReviseCommitment(ID, null, RevisablePart.TARGET_DATE, TODAY.plusMonths(5).toString(), reason),
                new ReviseCommitment(ID, null, RevisablePart.TARGET_DATE, TARGET.plusYears(1).toString(), reason),
                new ReviewCommitment(ID, null, AssessmentLevel.SUBSTANTIAL, "fine", TODAY, TODAY),
                new AddCoSigner(ID, null, "org-lead"),
                new AddCoSigner(ID, null, "org-b"),
                new AddCoSigner(ID, null, "org-a"),
                new WithdrawCoSigner(ID, null, "org-c", reason),
                new WithdrawCoSigner(ID, null, "org-a", reason),
                new FulfilCommitment(ID, null, TODAY, "done", List.of(), TODAY),
                new AbandonCommitment(ID, null, reason),
                new ReopenCommitment(ID, null, reason));
    }

    @Test
    void storesTheStateItWasTakenFromExactly() {
        Commitment original = replayed(openHistory());
        SerializedObject<byte[]> stored = serializer.serialize(original, byte[].class);
        Commitment loaded = serializer.deserialize(stored);

        assertEquals(Commitment.class.getName(), stored.getType().getName());
        assertEquals("1", stored.getType().getRevision());
        assertArrayEquals(stored.getData(), serializer.serialize(loaded, byte[].class).getData());
        String json = new String(stored.getData(), StandardCharsets.UTF_8);
        for (String part : List.of("org-c", "b2@" + MISSED_ON, "target@" + TODAY.minusYears(1), "\"c3\"",
                "provide-support", "\"OPEN\"", "lastPercentage\":80")) {
            assertTrue(json.contains(part), () -> "the snapshot lacks " + part + ": " + json);
        }
    }

    @Test
    void answersEveryCommandAsTheEventsDoWhileOpen() {
        answersLikeTheEvents(openHistory());
    }

    @Test
    void answersEveryCommandAsTheEventsDoOnceFulfilled() {
        answersLikeTheEvents(fulfilledHistory());
    }

    @Test
    void firesNoDeadlineTwiceForADateAlreadyMissed() {
        // rescheduled back to the date it already missed: the deadline fires at once and must change nothing
        Object back = new RescheduleMilestone(ID, null, "b2", MISSED_ON, "back to the old date");
        Outcome fromEvents = afterTime(fromEvents(openHistory()), back);
        Outcome fromSnapshot = afterTime(fromSnapshot(openHistory()), back);
        assertEquals(fromEvents, fromSnapshot);
        assertEquals(List.of(), fromEvents.events());
    }

    @Test
    void firesADeadlineForANewDateAsTheEventsDo() {
        Object moved = new RescheduleMilestone(ID, null, "z9", TODAY.plusDays(3), "sooner");
        Outcome fromEvents = afterTime(fromEvents(openHistory()), moved);
        Outcome fromSnapshot = afterTime(fromSnapshot(openHistory()), moved);
        assertEquals(fromEvents, fromSnapshot);
        assertEquals(List.of(new MilestoneMissed(CID, "z9", TODAY.plusDays(3))), fromEvents.events());
    }

    private void answersLikeTheEvents(List<Object> history) {
        for (Object probe : probes()) {
            Outcome fromEvents = outcome(fromEvents(history).when(probe));
            Outcome fromSnapshot = outcome(fromSnapshot(history).when(probe));
            assertEquals(fromEvents, fromSnapshot, () -> "answers differ for " + probe);
        }
    }

    private TestExecutor<Commitment> fromEvents(List<Object> history) {
        return new AggregateTestFixture<>(Commitment.class).givenCurrentTime(NOW).andGiven(history);
    }

    /** The fixture's repository starts from the snapshot as the real one does: the stream's first message. */
    private TestExecutor<Commitment> fromSnapshot(List<Object> history) {
        Commitment original = replayed(history);
        Commitment loaded = serializer.deserialize(serializer.serialize(original, byte[].class));
        GenericDomainEventMessage<Commitment> snapshot = new GenericDomainEventMessage<>(
                Commitment.class.getSimpleName(), ID, history.size() - 1, loaded);
        return new AggregateTestFixture<>(Commitment.class).givenCurrentTime(NOW).andGiven(List.of(snapshot));
    }

    private static Commitment replayed(List<Object> history) {
        AggregateModel<Commitment> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Commitment.class);
        Commitment commitment = new Commitment();
        for (int i = 0; i < history.size(); i++) {
            model.publish(new GenericDomainEventMessage<>(Commitment.class.getSimpleName(), ID, i, history.get(i)),
                    commitment);
        }
        return commitment;
    }

    /** What a command answered (result or refusal) and the events it applied. */
    private record Outcome(String answer, List<Object> events) {
    }

    private static Outcome outcome(ResultValidator<Commitment> result) {
        AtomicReference<String> answer = new AtomicReference<>();
        try {
            result.expectException(capture(list -> answer.set(describe((Throwable) list.getFirst()))));
        } catch (AxonAssertionError noException) {
            result.expectResultMessagePayloadMatching(capture(list -> answer.set(String.valueOf(list.getFirst()))));
        }
        List<Object> events = new ArrayList<>();
        result.expectEventsMatching(capture(list -> list.forEach(e -> events.add(((EventMessage<?>) e).getPayload()))));
        return new Outcome(answer.get(), events);
    }

    private static Outcome afterTime(TestExecutor<Commitment> given, Object command) {
        List<Object> events = new ArrayList<>();
        given.andGivenCommands(command).whenThenTimeElapses(Duration.ofDays(30))
             .expectEventsMatching(capture(list -> list.forEach(e -> events.add(((EventMessage<?>) e).getPayload()))));
        return new Outcome("", events);
    }

    private static String describe(Throwable error) {
        return error.getClass().getName() + ": " + error.getMessage();
    }

    private static <T> Matcher<T> capture(Consumer<List<?>> sink) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                sink.accept(actual instanceof List<?> list ? list : Collections.singletonList(actual));
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("anything (captured)");
            }
        };
    }
}
