package ro.cluj.crt.command.commitment;

import static ro.cluj.crt.command.ProblemMatchers.conflict;
import static ro.cluj.crt.command.ProblemMatchers.invalidFields;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import ro.cluj.crt.command.commitment.CommitmentCommands.MakeCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReviseCommitment;
import ro.cluj.crt.command.write.CommandOutcome;
import ro.cluj.crt.events.commitment.CommitmentId;
import ro.cluj.crt.events.commitment.CommitmentMade;
import ro.cluj.crt.events.commitment.Milestone;
import ro.cluj.crt.events.vocabulary.CommitmentKind;
import ro.cluj.crt.events.vocabulary.Field;

@DisplayName("Commitment: repeated creates and revision limits")
class CommitmentRepeatTest {

    private static final String ID = "commitment-7";
    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    private AggregateTestFixture<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    @Test
    void answersARepeatedMakeAsTheFirstTime() {
        fixture.given(made("Night shelter"))
               .when(make("Night shelter"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(new CommandOutcome.Repeated(ID));
    }

    @Test
    void refusesTheSameIdWithOtherContent() {
        fixture.given(made("Night shelter"))
               .when(make("Day centre"))
               .expectNoEvents()
               .expectException(conflict("made"));
    }

    @Test
    void refusesATitleRevisionOverTheTitleLimit() {
        fixture.given(made("Night shelter"))
               .when(new ReviseCommitment(ID, null, RevisablePart.TITLE, "a".repeat(501), "longer"))
               .expectNoEvents()
               .expectException(invalidFields("value"));
    }

    private static MakeCommitment make(String title) {
        return new MakeCommitment(ID, "org-1", List.of(), title, null, Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS,
                CommitmentKind.PROVIDE_SUPPORT, null, START, START.plusYears(1),
                List.of(new Milestone("m1", "Open", START.plusMonths(3))));
    }

    private static CommitmentMade made(String title) {
        MakeCommitment command = make(title);
        return new CommitmentMade(CommitmentId.of(ID), command.leadOrganisationId(), command.coSignerIds(),
                command.title(), command.description(), command.field(), command.kind(), command.origin(),
                command.startDate(), command.targetDate(), command.milestones());
    }
}
