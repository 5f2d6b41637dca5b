package ro.cluj.crt.command.edition;

import static ro.cluj.crt.command.ProblemMatchers.conflict;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import ro.cluj.crt.command.write.CommandOutcome;
import ro.cluj.crt.events.edition.EditionPublished;

@DisplayName("Edition: published once per number, never changed")
class EditionTest {

    private static final String ID = "edition-2";
    private static final LocalDate MONDAY = LocalDate.of(2020, 5, 11);
    private static final LocalDate FRIDAY = LocalDate.of(2020, 5, 15);

    private AggregateTestFixture<Edition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Edition.class);
    }

    @Test
    void publishesTheEditionWithWhatItCorrects() {
        fixture.givenNoPriorActivity()
               .when(new PublishEdition(ID, 2, FRIDAY, MONDAY, "Week 20", null, 1, "wrong field"))
               .expectEvents(new EditionPublished(ID, 2, FRIDAY, MONDAY, "Week 20", null, 1, "wrong field"));
    }

    @Test
    void answersTheSameEditionAskedForAgainOnALaterDayAsTheFirstTime() {
        fixture.given(new EditionPublished(ID, 2, FRIDAY, MONDAY, "Week 20", "note", null, null))
               .when(new PublishEdition(ID, 2, FRIDAY.plusDays(3), MONDAY, "Week 20", "note", null, null))
               .expectNoEvents()
               .expectResultMessagePayload(new CommandOutcome.Repeated(ID));
    }

    @Test
    void refusesOtherContentUnderAPublishedNumber() {
        fixture.given(new EditionPublished(ID, 2, FRIDAY, MONDAY, "Week 20", null, null, null))
               .when(new PublishEdition(ID, 2, FRIDAY, MONDAY, "Week 20, revised", null, null, null))
               .expectNoEvents()
               .expectException(conflict("published"));
    }
}
