package ro.cluj.crt.command.recommendation;

import static ro.cluj.crt.command.ProblemMatchers.conflict;
import static ro.cluj.crt.command.ProblemMatchers.invalidFields;
import static ro.cluj.crt.command.ProblemMatchers.ruleViolation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import ro.cluj.crt.command.recommendation.RecommendationCommands.RecommendInitiative;
import ro.cluj.crt.command.recommendation.RecommendationCommands.TriageRecommendation;
import ro.cluj.crt.events.person.ContactDetails;
import ro.cluj.crt.events.person.PersonId;
import ro.cluj.crt.events.person.Sealed;
import ro.cluj.crt.events.recommendation.InitiativeRecommended;
import ro.cluj.crt.events.recommendation.RecommendationId;
import ro.cluj.crt.events.recommendation.RecommendationRetriaged;
import ro.cluj.crt.events.recommendation.RecommendationTriaged;
import ro.cluj.crt.events.recommendation.Triage;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.TriageDecision;

@DisplayName("Recommendation aggregate")
class RecommendationTest {

    private static final String ID = "rec-1";
    private static final String PERSON = "person-1";
    private static final Sealed HOW = Sealed.of("v1.sealed-how");
    private static final ContactDetails RECOMMENDER = new ContactDetails(Sealed.of("v1.sealed-name"), null,
            Sealed.of("v1.sealed-email"), null, null);
    private static final InitiativeRecommended RECOMMENDED = new InitiativeRecommended(RecommendationId.of(ID),
            "Meals for night-shift nurses", "Asociatia Masa Calda", HOW, Field.HEALTH, PersonId.of(PERSON),
            RECOMMENDER, true);
    private static final Triage ACCEPTED = new Triage(TriageDecision.ACCEPTED, "org-1", null, null);
    private static final Triage DUPLICATE = new Triage(TriageDecision.DUPLICATE, null, "rec-0", null);
    private static final Triage OUT_OF_SCOPE = new Triage(TriageDecision.OUT_OF_SCOPE, null, null, "not in Cluj");

    private AggregateTestFixture<Recommendation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Recommendation.class);
    }

    @Nested
    @DisplayName("RecommendInitiative")
    class Recommend {

        @Test
        void recordsTheRecommendationWithItsSealedPersonalValues() {
            fixture.givenNoPriorActivity()
                   .when(new RecommendInitiative(ID, "Meals for night-shift nurses", "Asociatia Masa Calda", HOW,
                           Field.HEALTH, PERSON, RECOMMENDER, true))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(RECOMMENDED);
        }

        @Test
        void keepsAnAbsentFieldAbsent() {
            fixture.givenNoPriorActivity()
                   .when(new RecommendInitiative(ID, "Tutoring", "Grupul Vecinilor", HOW, null, PERSON, RECOMMENDER,
                           false))
                   .expectEvents(new InitiativeRecommended(RecommendationId.of(ID), "Tutoring", "Grupul Vecinilor",
                           HOW, null, PersonId.of(PERSON), RECOMMENDER, false));
        }

        @Test
        void requiresWhatWhoRunsItAndTheRecommendersName() {
            fixture.givenNoPriorActivity()
                   .when(new RecommendInitiative(ID, " ", "Grup", HOW, null, PERSON, RECOMMENDER, false))
                   .expectNoEvents()
                   .expectException(invalidFields("what"));
            fixture.givenNoPriorActivity()
                   .when(new RecommendInitiative(ID, "Tutoring", null, HOW, null, PERSON, RECOMMENDER, false))
                   .expectNoEvents()
                   .expectException(invalidFields("whoRunsIt"));
            fixture.givenNoPriorActivity()
                   .when(new RecommendInitiative(ID, "Tutoring", "Grup", HOW, null, PERSON,
                           new ContactDetails(null, null, null, null, null), false))
                   .expectNoEvents()
                   .expectException(invalidFields("recommender.name"));
        }
    }

    @Nested
    @DisplayName("TriageRecommendation")
    class TriageOnce {

        @Test
        void acceptsForAnOrganisation() {
            fixture.given(RECOMMENDED)
                   .when(new TriageRecommendation(ID, null, ACCEPTED, false))
                   .expectEvents(new RecommendationTriaged(RecommendationId.of(ID), ACCEPTED));
        }

        @Test
        void marksADuplicateOfAnotherRecommendation() {
            fixture.given(RECOMMENDED)
                   .when(new TriageRecommendation(ID, null, DUPLICATE, false))
                   .expectEvents(new RecommendationTriaged(RecommendationId.of(ID), DUPLICATE));
        }

        @Test
        void putsOutOfScopeWithAReason() {
            fixture.given(RECOMMENDED)
                   .when(new TriageRecommendation(ID, null, OUT_OF_SCOPE, false))
                   .expectEvents(new RecommendationTriaged(RecommendationId.of(ID), OUT_OF_SCOPE));
        }

        @Test
        void refusesOutOfScopeWithoutAReason() {
            fixture.given(RECOMMENDED)
                   .when(new TriageRecommendation(ID, null,
                           new Triage(TriageDecision.OUT_OF_SCOPE, null, null, " "), false))
                   .expectNoEvents()
                   .expectException(invalidFields("reason"));
        }

        @Test
        void refusesAnAcceptanceWithoutAnOrganisationOrWithADuplicateTarget() {
            fixture.given(RECOMMENDED)
                   .when(new TriageRecommendation(ID, null,
                           new Triage(TriageDecision.ACCEPTED, null, "rec-0", null), false))
                   .expectNoEvents()
                   .expectException(invalidFields("duplicateOf", "organisationId"));
        }

        @Test
        void refusesADuplicateWithoutTheOtherRecommendationOrWithAnOrganisation() {
            fixture.given(RECOMMENDED)
                   .when(new TriageRecommendation(ID, null,
                           new Triage(TriageDecision.DUPLICATE, "org-1", null, null), false))
                   .expectNoEvents()
                   .expectException(invalidFields("duplicateOf", "organisationId"));
        }

        @Test
        void refusesADecisionOutOfScopeThatPointsAnywhere() {
            fixture.given(RECOMMENDED)
                   .when(new TriageRecommendation(ID, null,
                           new Triage(TriageDecision.OUT_OF_SCOPE, "org-1", "rec-0", "elsewhere"), false))
                   .expectNoEvents()
                   .expectException(invalidFields("duplicateOf", "organisationId"));
        }

        @Test
        void refusesATriageWithoutADecision() {
            fixture.given(RECOMMENDED)
                   .when(new TriageRecommendation(ID, null, new Triage(null, null, null, null), false))
                   .expectNoEvents()
                   .expectException(invalidFields("decision"));
        }

        @Test
        void refusesADuplicateOfItself() {
            fixture.given(RECOMMENDED)
                   .when(new TriageRecommendation(ID, null,
                           new Triage(TriageDecision.DUPLICATE, null, ID, null), false))
                   .expectNoEvents()
                   .expectException(ruleViolation("duplicate-of-another", "duplicateOf"));
        }

        @Test
        void refusesASecondTriageThatIsNoRetriage() {
            fixture.given(RECOMMENDED, new RecommendationTriaged(RecommendationId.of(ID), ACCEPTED))
                   .when(new TriageRecommendation(ID, null, OUT_OF_SCOPE, false))
                   .expectNoEvents()
                   .expectException(conflict("accepted"));
        }

        @Test
        void refusesTheSameTriageTwice() {
            fixture.given(RECOMMENDED, new RecommendationTriaged(RecommendationId.of(ID), ACCEPTED))
                   .when(new TriageRecommendation(ID, null, ACCEPTED, false))
                   .expectNoEvents()
                   .expectException(conflict("accepted"));
        }
    }

    @Nested
    @DisplayName("TriageRecommendation as a retriage")
    class Retriage {

        @Test
        void replacesTheTriageInForceAndKeepsItBeside() {
            Triage retriaged = new Triage(TriageDecision.DUPLICATE, null, "rec-0", "same as the one from May");
            fixture.given(RECOMMENDED, new RecommendationTriaged(RecommendationId.of(ID), ACCEPTED))
                   .when(new TriageRecommendation(ID, null, retriaged, true))
                   .expectEvents(new RecommendationRetriaged(RecommendationId.of(ID), retriaged, ACCEPTED));
        }

        @Test
        void canBeRepeatedEachTimeAgainstTheTriageThenInForce() {
            Triage second = new Triage(TriageDecision.ACCEPTED, "org-2", null, "the other branch runs it");
            Triage third = new Triage(TriageDecision.OUT_OF_SCOPE, null, null, "it ended in 2019");
            fixture.given(RECOMMENDED, new RecommendationTriaged(RecommendationId.of(ID), ACCEPTED),
                           new RecommendationRetriaged(RecommendationId.of(ID), second, ACCEPTED))
                   .when(new TriageRecommendation(ID, null, third, true))
                   .expectEvents(new RecommendationRetriaged(RecommendationId.of(ID), third, second));
        }

        @Test
        void requiresAReason() {
            fixture.given(RECOMMENDED, new RecommendationTriaged(RecommendationId.of(ID), ACCEPTED))
                   .when(new TriageRecommendation(ID, null, DUPLICATE, true))
                   .expectNoEvents()
                   .expectException(invalidFields("reason"));
        }

        @Test
        void refusesARetriageOfANewRecommendation() {
            fixture.given(RECOMMENDED)
                   .when(new TriageRecommendation(ID, null, OUT_OF_SCOPE, true))
                   .expectNoEvents()
                   .expectException(conflict("new"));
        }

        @Test
        void refusesARetriageThatDecidesWhatIsInForce() {
            fixture.given(RECOMMENDED, new RecommendationTriaged(RecommendationId.of(ID), ACCEPTED))
                   .when(new TriageRecommendation(ID, null,
                           new Triage(TriageDecision.ACCEPTED, "org-1", null, "just to add a reason"), true))
                   .expectNoEvents()
                   .expectException(conflict("accepted"));
        }

        @Test
        void refusesARetriageToADuplicateOfItself() {
            fixture.given(RECOMMENDED, new RecommendationTriaged(RecommendationId.of(ID), ACCEPTED))
                   .when(new TriageRecommendation(ID, null,
                           new Triage(TriageDecision.DUPLICATE, null, ID, "oops"), true))
                   .expectNoEvents()
                   .expectException(ruleViolation("duplicate-of-another", "duplicateOf"));
        }
    }
}
