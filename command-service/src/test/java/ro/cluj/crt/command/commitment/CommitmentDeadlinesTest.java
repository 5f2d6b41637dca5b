package ro.cluj.crt.command.commitment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import ro.cluj.crt.command.commitment.CommitmentCommands.AchieveMilestone;
import ro.cluj.crt.command.commitment.CommitmentCommands.FulfilCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.MakeCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.RescheduleMilestone;
import ro.cluj.crt.events.commitment.CommitmentId;
import ro.cluj.crt.events.commitment.Milestone;
import ro.cluj.crt.events.commitment.MilestoneMissed;
import ro.cluj.crt.events.commitment.TargetDateMissed;
import ro.cluj.crt.events.vocabulary.CommitmentKind;
import ro.cluj.crt.events.vocabulary.Field;

/** The tracker records a missed date itself, when the day after it begins in Cluj, and only while it is unmet. */
@DisplayName("Commitment deadlines, with a moved clock")
class CommitmentDeadlinesTest {

    private static final ZoneId CLUJ = ZoneId.of("Europe/Bucharest");
    private static final String ID = "commitment-1";
    private static final LocalDate DUE = LocalDate.of(2026, 3, 10);
    private static final LocalDate TARGET = DUE.plusDays(20);

    private AggregateTestFixture<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    @Test
    void recordsAMilestoneMissedWhenItsDayIsOver() {
        fixture.givenCurrentTime(noonOn(DUE))
               .andGivenCommands(make())
               .whenTimeElapses(Duration.ofHours(13))
               .expectEvents(new MilestoneMissed(CommitmentId.of(ID), "m1", DUE));
    }

    @Test
    void recordsNothingWhileTheDueDayLasts() {
        fixture.givenCurrentTime(noonOn(DUE))
               .andGivenCommands(make())
               .whenTimeElapses(Duration.ofHours(11))
               .expectNoEvents();
    }

    @Test
    void recordsNothingForAMilestoneMetInTime() {
        fixture.givenCurrentTime(noonOn(DUE))
               .andGivenCommands(make(), new AchieveMilestone(ID, null, "m1", DUE, List.of(), DUE))
               .whenTimeElapses(Duration.ofDays(1))
               .expectNoEvents();
    }

    @Test
    void countsARescheduledMilestoneFromItsNewDate() {
        LocalDate later = DUE.plusDays(5);
        fixture.givenCurrentTime(noonOn(DUE))
               .andGivenCommands(make(), new RescheduleMilestone(ID, null, "m1", later, "supplier late"))
               .whenTimeElapses(Duration.ofDays(6))
               .expectEvents(new MilestoneMissed(CommitmentId.of(ID), "m1", later));
    }

    @Test
    void recordsNothingOnceTheCommitmentIsFulfilled() {
        fixture.givenCurrentTime(noonOn(DUE))
               .andGivenCommands(make(), new FulfilCommitment(ID, null, DUE, "done early", List.of(), DUE))
               .whenTimeElapses(Duration.ofDays(30))
               .expectNoEvents();
    }

    @Test
    void recordsTheTargetDateMissedAfterTheMilestone() {
        fixture.givenCurrentTime(noonOn(DUE))
               .andGivenCommands(make())
               .whenTimeElapses(Duration.ofDays(21))
               .expectEvents(new MilestoneMissed(CommitmentId.of(ID), "m1", DUE),
                       new TargetDateMissed(CommitmentId.of(ID), TARGET));
    }

    private static Instant noonOn(LocalDate date) {
        return date.atTime(LocalTime.NOON).atZone(CLUJ).toInstant();
    }

    private static MakeCommitment make() {
        return new MakeCommitment(ID, "org-1", List.of(), "Night shelter", null, Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS,
                CommitmentKind.PROVIDE_SUPPORT, null, DUE.minusDays(30), TARGET,
                List.of(new Milestone("m1", "Open the shelter", DUE)));
    }
}
