package ro.cluj.crt.command.person;

import static ro.cluj.crt.command.ProblemMatchers.conflict;
import static ro.cluj.crt.command.ProblemMatchers.invalidFields;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import ro.cluj.crt.events.person.PersonErased;
import ro.cluj.crt.events.person.PersonId;

@DisplayName("Person aggregate")
class PersonTest {

    private static final String ID = "person-7";
    private static final String REFERENCE = "GDPR-2025-0042";

    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
    }

    @Nested
    @DisplayName("ErasePerson")
    class Erase {

        @Test
        void erasesAPersonWithNoHistoryAndKeepsTheRequestReference() {
            fixture.givenNoPriorActivity()
                   .when(new ErasePerson(ID, REFERENCE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new PersonErased(PersonId.of(ID), REFERENCE));
        }

        @Test
        void rejectsASecondErasureOfTheSamePerson() {
            fixture.given(new PersonErased(PersonId.of(ID), REFERENCE))
                   .when(new ErasePerson(ID, "GDPR-2025-0043"))
                   .expectNoEvents()
                   .expectException(conflict("erased"));
        }

        @Test
        void rejectsARepeatOfTheSameErasureRequest() {
            fixture.given(new PersonErased(PersonId.of(ID), REFERENCE))
                   .when(new ErasePerson(ID, REFERENCE))
                   .expectNoEvents()
                   .expectException(conflict("erased"));
        }

        @ParameterizedTest(name = "request reference [{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n "})
        void requiresARequestReference(String requestReference) {
            fixture.givenNoPriorActivity()
                   .when(new ErasePerson(ID, requestReference))
                   .expectNoEvents()
                   .expectException(invalidFields("requestReference"));
        }
    }
}
