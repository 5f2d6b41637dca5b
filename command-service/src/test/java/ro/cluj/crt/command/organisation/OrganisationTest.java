package ro.cluj.crt.command.organisation;

import static org.hamcrest.Matchers.instanceOf;
import static ro.cluj.crt.command.ProblemMatchers.conflict;
import static ro.cluj.crt.command.ProblemMatchers.invalidFields;
import static ro.cluj.crt.command.ProblemMatchers.ruleViolation;
import static org.hamcrest.Matchers.not;

import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import ro.cluj.crt.command.write.CommandOutcome;
import ro.cluj.crt.events.ExternalReference;
import ro.cluj.crt.events.organisation.OrganisationDetails;
import ro.cluj.crt.events.organisation.OrganisationDetailsCorrected;
import ro.cluj.crt.events.organisation.OrganisationId;
import ro.cluj.crt.events.organisation.OrganisationRegistered;
import ro.cluj.crt.events.vocabulary.AuthorityLevel;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.Sector;

@DisplayName("Organisation aggregate")
class OrganisationTest {

    private static final String ID = "org-cluj_42";
    private static final String REASON = "the name was misspelt";
    private static final String AUTHORITY_RULE = "authority-level-only-for-public-authorities";

    private AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
    }

    @Nested
    @DisplayName("RegisterOrganisation")
    class Register {

        @Test
        void registersANewOrganisation() {
            fixture.givenNoPriorActivity()
                   .when(register(details(), reference()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(registered(details(), reference()))
                   .expectResultMessagePayloadMatching(not(instanceOf(CommandOutcome.Repeated.class)));
        }

        @Test
        void registersAnOrganisationWithoutExternalReference() {
            fixture.givenNoPriorActivity()
                   .when(register(details(), null))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(registered(details(), null));
        }

        @Test
        void answersRepeatedAndEmitsNothingWhenTheSameRegistrationIsRepeated() {
            fixture.given(registered(details(), reference()))
                   .when(register(details(), reference()))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents()
                   .expectResultMessagePayload(new CommandOutcome.Repeated(ID));
        }

        @Test
        void answersRepeatedWhenARegistrationWithoutExternalReferenceIsRepeated() {
            fixture.given(registered(details(), null))
                   .when(register(details(), null))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents()
                   .expectResultMessagePayload(new CommandOutcome.Repeated(ID));
        }

        @Test
        void answersRepeatedForTheOriginalRegistrationEvenAfterACorrection() {
            fixture.given(registered(details(), reference()), corrected(otherDetails(), REASON))
                   .when(register(details(), reference()))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents()
                   .expectResultMessagePayload(new CommandOutcome.Repeated(ID));
        }

        @Test
        void rejectsARegistrationWithDifferentDetailsOnAnExistingId() {
            fixture.given(registered(details(), reference()))
                   .when(register(otherDetails(), reference()))
                   .expectNoEvents()
                   .expectException(conflict("registered"));
        }

        @Test
        void rejectsARegistrationWithADifferentExternalReferenceOnAnExistingId() {
            fixture.given(registered(details(), reference()))
                   .when(register(details(), new ExternalReference("ngo-register", "RO-999")))
                   .expectNoEvents()
                   .expectException(conflict("registered"));
        }

        @Test
        void rejectsARegistrationWithoutTheExternalReferenceTheOrganisationWasRegisteredWith() {
            fixture.given(registered(details(), reference()))
                   .when(register(details(), null))
                   .expectNoEvents()
                   .expectException(conflict("registered"));
        }

        @ParameterizedTest(name = "sector {0}")
        @EnumSource(value = Sector.class, names = "PUBLIC_AUTHORITY", mode = EnumSource.Mode.EXCLUDE)
        void rejectsAnAuthorityLevelForAnOrganisationThatIsNoPublicAuthority(Sector sector) {
            fixture.givenNoPriorActivity()
                   .when(register(details(sector, AuthorityLevel.LOCAL), reference()))
                   .expectNoEvents()
                   .expectException(ruleViolation(AUTHORITY_RULE, "authorityLevel"));
        }

        @ParameterizedTest(name = "level {0}")
        @EnumSource(AuthorityLevel.class)
        void registersAPublicAuthorityWithItsLevel(AuthorityLevel level) {
            OrganisationDetails authority = details(Sector.PUBLIC_AUTHORITY, level);

            fixture.givenNoPriorActivity()
                   .when(register(authority, reference()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(registered(authority, reference()));
        }

        @Test
        void registersAPublicAuthorityWhoseLevelIsNotKnown() {
            OrganisationDetails authority = details(Sector.PUBLIC_AUTHORITY, null);

            fixture.givenNoPriorActivity()
                   .when(register(authority, reference()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(registered(authority, reference()));
        }
    }

    @Nested
    @DisplayName("CorrectOrganisationDetails")
    class Correct {

        @Test
        void correctsTheDetailsAndKeepsTheReason() {
            fixture.given(registered(details(), reference()))
                   .when(correct(null, otherDetails(), REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(corrected(otherDetails(), REASON));
        }

        @Test
        void correctsAgainAfterAnEarlierCorrection() {
            OrganisationDetails third = details(Sector.ACADEMIA, null);

            fixture.given(registered(details(), reference()), corrected(otherDetails(), REASON))
                   .when(correct(null, third, "it is a university"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(corrected(third, "it is a university"));
        }

        @ParameterizedTest(name = "reason [{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n "})
        void requiresAReason(String reason) {
            fixture.given(registered(details(), reference()))
                   .when(correct(null, otherDetails(), reason))
                   .expectNoEvents()
                   .expectException(invalidFields("reason"));
        }

        @Test
        void rejectsAnAuthorityLevelForAnOrganisationThatIsNoPublicAuthority() {
            fixture.given(registered(details(), reference()))
                   .when(correct(null, details(Sector.BUSINESS, AuthorityLevel.REGIONAL), REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation(AUTHORITY_RULE, "authorityLevel"));
        }

        @Test
        void correctsAnOrganisationIntoAPublicAuthorityWithItsLevel() {
            OrganisationDetails authority = details(Sector.PUBLIC_AUTHORITY, AuthorityLevel.NATIONAL);

            fixture.given(registered(details(), reference()))
                   .when(correct(null, authority, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(corrected(authority, REASON));
        }

        @Test
        void rejectsACorrectionBasedOnAStaleVersion() {
            fixture.given(registered(details(), reference()), corrected(otherDetails(), REASON))
                   .when(correct(0L, details(), "back to the original"))
                   .expectNoEvents()
                   .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void acceptsACorrectionBasedOnTheCurrentVersion() {
            fixture.given(registered(details(), reference()), corrected(otherDetails(), REASON))
                   .when(correct(1L, details(), "back to the original"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(corrected(details(), "back to the original"));
        }

        @Test
        void rejectsACorrectionOfAnOrganisationThatWasNeverRegistered() {
            fixture.givenNoPriorActivity()
                   .when(correct(null, otherDetails(), REASON))
                   .expectNoEvents()
                   .expectException(AggregateNotFoundException.class);
        }
    }

    // --- test data ---

    private static OrganisationDetails details() {
        return details(Sector.CIVIL_SOCIETY, null);
    }

    private static OrganisationDetails otherDetails() {
        return new OrganisationDetails("Asociația Vecinilor Mănăștur", Sector.CIVIL_SOCIETY, null,
                List.of(Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS), "Cluj-Napoca");
    }

    private static OrganisationDetails details(Sector sector, AuthorityLevel level) {
        return new OrganisationDetails("Asociatia Vecinilor Manastur", sector, level,
                List.of(Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS, Field.HEALTH), "Cluj-Napoca");
    }

    private static ExternalReference reference() {
        return new ExternalReference("ngo-register", "RO-123");
    }

    private static RegisterOrganisation register(OrganisationDetails details, ExternalReference reference) {
        return new RegisterOrganisation(ID, details, reference);
    }

    private static CorrectOrganisationDetails correct(Long expectedVersion, OrganisationDetails details,
                                                      String reason) {
        return new CorrectOrganisationDetails(ID, expectedVersion, details, reason);
    }

    private static OrganisationRegistered registered(OrganisationDetails details, ExternalReference reference) {
        return new OrganisationRegistered(OrganisationId.of(ID), details, reference);
    }

    private static OrganisationDetailsCorrected corrected(OrganisationDetails details, String reason) {
        return new OrganisationDetailsCorrected(OrganisationId.of(ID), details, reason);
    }
}
