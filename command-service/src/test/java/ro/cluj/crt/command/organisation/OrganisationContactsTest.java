package ro.cluj.crt.command.organisation;

import static ro.cluj.crt.command.ProblemMatchers.conflict;
import static ro.cluj.crt.command.ProblemMatchers.invalidFields;

import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import ro.cluj.crt.events.organisation.ContactPersonChanged;
import ro.cluj.crt.events.organisation.ContactPersonRecorded;
import ro.cluj.crt.events.organisation.ContactPersonRemoved;
import ro.cluj.crt.events.organisation.OrganisationDetails;
import ro.cluj.crt.events.organisation.OrganisationId;
import ro.cluj.crt.events.organisation.OrganisationRegistered;
import ro.cluj.crt.events.person.ContactDetails;
import ro.cluj.crt.events.person.PersonId;
import ro.cluj.crt.events.person.Sealed;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.Sector;
import ro.cluj.crt.support.web.NotFoundException;

@DisplayName("Organisation aggregate: contact people")
class OrganisationContactsTest {

    private static final String ID = "org-cluj_42";
    private static final String PERSON = "person-7";
    private static final String OTHER_PERSON = "person-8";
    private static final String REASON = "she left the organisation";

    private AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
    }

    @Nested
    @DisplayName("RecordContactPerson")
    class Record {

        @Test
        void recordsAContactPersonWithTheirSealedDetails() {
            fixture.given(registered())
                   .when(record(PERSON, contact()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(recorded(PERSON, contact()));
        }

        @Test
        void recordsAContactPersonWhoseOptionalDetailsAreLeftOut() {
            ContactDetails nameOnly = new ContactDetails(Sealed.of("v1.test-name"), null, null, null, null);

            fixture.given(registered())
                   .when(record(PERSON, nameOnly))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(recorded(PERSON, nameOnly));
        }

        @Test
        void recordsASecondPersonBesideTheFirst() {
            fixture.given(registered(), recorded(PERSON, contact()))
                   .when(record(OTHER_PERSON, otherContact()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(recorded(OTHER_PERSON, otherContact()));
        }

        @Test
        void rejectsRecordingAPersonWhoIsAlreadyAContact() {
            fixture.given(registered(), recorded(PERSON, contact()))
                   .when(record(PERSON, otherContact()))
                   .expectNoEvents()
                   .expectException(conflict("contact-recorded"));
        }

        @Test
        void rejectsRecordingAPersonWhoIsStillAContactAfterAChange() {
            fixture.given(registered(), recorded(PERSON, contact()), changed(PERSON, otherContact()))
                   .when(record(PERSON, contact()))
                   .expectNoEvents()
                   .expectException(conflict("contact-recorded"));
        }

        @Test
        void recordsAPersonAgainAfterTheyWereRemoved() {
            fixture.given(registered(), recorded(PERSON, contact()), removed(PERSON, REASON))
                   .when(record(PERSON, otherContact()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(recorded(PERSON, otherContact()));
        }

        @Test
        void rejectsAContactOfAnOrganisationThatWasNeverRegistered() {
            fixture.givenNoPriorActivity()
                   .when(record(PERSON, contact()))
                   .expectNoEvents()
                   .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    @DisplayName("ChangeContactPerson")
    class Change {

        @Test
        void changesTheDetailsOfARecordedContact() {
            fixture.given(registered(), recorded(PERSON, contact()))
                   .when(change(null, PERSON, otherContact()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(changed(PERSON, otherContact()));
        }

        @Test
        void changesAContactAgainAfterAnEarlierChange() {
            fixture.given(registered(), recorded(PERSON, contact()), changed(PERSON, otherContact()))
                   .when(change(null, PERSON, contact()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(changed(PERSON, contact()));
        }

        @Test
        void rejectsAChangeOfAPersonWhoWasNeverAContact() {
            fixture.given(registered(), recorded(PERSON, contact()))
                   .when(change(null, OTHER_PERSON, otherContact()))
                   .expectNoEvents()
                   .expectException(NotFoundException.class);
        }

        @Test
        void rejectsAChangeOfAPersonWhoWasRemoved() {
            fixture.given(registered(), recorded(PERSON, contact()), removed(PERSON, REASON))
                   .when(change(null, PERSON, otherContact()))
                   .expectNoEvents()
                   .expectException(NotFoundException.class);
        }

        @Test
        void rejectsAChangeBasedOnAStaleVersion() {
            fixture.given(registered(), recorded(PERSON, contact()), changed(PERSON, otherContact()))
                   .when(change(1L, PERSON, contact()))
                   .expectNoEvents()
                   .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void acceptsAChangeBasedOnTheCurrentVersion() {
            fixture.given(registered(), recorded(PERSON, contact()), changed(PERSON, otherContact()))
                   .when(change(2L, PERSON, contact()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(changed(PERSON, contact()));
        }
    }

    @Nested
    @DisplayName("RemoveContactPerson")
    class Remove {

        @Test
        void removesARecordedContactAndKeepsTheReason() {
            fixture.given(registered(), recorded(PERSON, contact()))
                   .when(remove(null, PERSON, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(removed(PERSON, REASON));
        }

        @Test
        void removesOnlyThePersonNamed() {
            fixture.given(registered(), recorded(PERSON, contact()), recorded(OTHER_PERSON, otherContact()),
                          removed(PERSON, REASON))
                   .when(change(null, OTHER_PERSON, contact()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(changed(OTHER_PERSON, contact()));
        }

        @ParameterizedTest(name = "reason [{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n "})
        void requiresAReason(String reason) {
            fixture.given(registered(), recorded(PERSON, contact()))
                   .when(remove(null, PERSON, reason))
                   .expectNoEvents()
                   .expectException(invalidFields("reason"));
        }

        @Test
        void rejectsARemovalOfAPersonWhoWasNeverAContact() {
            fixture.given(registered())
                   .when(remove(null, PERSON, REASON))
                   .expectNoEvents()
                   .expectException(NotFoundException.class);
        }

        @Test
        void rejectsASecondRemovalOfTheSamePerson() {
            fixture.given(registered(), recorded(PERSON, contact()), removed(PERSON, REASON))
                   .when(remove(null, PERSON, REASON))
                   .expectNoEvents()
                   .expectException(NotFoundException.class);
        }

        @Test
        void rejectsARemovalBasedOnAStaleVersion() {
            fixture.given(registered(), recorded(PERSON, contact()), changed(PERSON, otherContact()))
                   .when(remove(1L, PERSON, REASON))
                   .expectNoEvents()
                   .expectException(ConflictingAggregateVersionException.class);
        }
    }

    // --- test data ---

    private static ContactDetails contact() {
        return new ContactDetails(Sealed.of("v1.test-name"), Sealed.of("v1.test-role"), Sealed.of("v1.test-email"),
                Sealed.of("v1.test-phone"), Sealed.of("v1.test-language"));
    }

    private static ContactDetails otherContact() {
        return new ContactDetails(Sealed.of("v1.other-name"), Sealed.of("v1.other-role"), null,
                Sealed.of("v1.other-phone"), null);
    }

    private static OrganisationRegistered registered() {
        return new OrganisationRegistered(OrganisationId.of(ID), new OrganisationDetails("Asociatia Vecinilor Manastur",
                Sector.CIVIL_SOCIETY, null, List.of(Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS), "Cluj-Napoca"), null);
    }

    private static RecordContactPerson record(String personId, ContactDetails details) {
        return new RecordContactPerson(ID, personId, details);
    }

    private static ChangeContactPerson change(Long expectedVersion, String personId, ContactDetails details) {
        return new ChangeContactPerson(ID, expectedVersion, personId, details);
    }

    private static RemoveContactPerson remove(Long expectedVersion, String personId, String reason) {
        return new RemoveContactPerson(ID, expectedVersion, personId, reason);
    }

    private static ContactPersonRecorded recorded(String personId, ContactDetails details) {
        return new ContactPersonRecorded(OrganisationId.of(ID), PersonId.of(personId), details);
    }

    private static ContactPersonChanged changed(String personId, ContactDetails details) {
        return new ContactPersonChanged(OrganisationId.of(ID), PersonId.of(personId), details);
    }

    private static ContactPersonRemoved removed(String personId, String reason) {
        return new ContactPersonRemoved(OrganisationId.of(ID), PersonId.of(personId), reason);
    }
}
