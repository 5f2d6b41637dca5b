package ro.cluj.crt.command.interview;

import static org.hamcrest.Matchers.instanceOf;
import static ro.cluj.crt.command.ProblemMatchers.conflict;
import static ro.cluj.crt.command.ProblemMatchers.invalidFields;
import static ro.cluj.crt.command.ProblemMatchers.ruleViolation;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
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
import ro.cluj.crt.events.interview.InterviewAmended;
import ro.cluj.crt.events.interview.InterviewContent;
import ro.cluj.crt.events.interview.InterviewId;
import ro.cluj.crt.events.interview.InterviewRecorded;
import ro.cluj.crt.events.interview.InterviewRetracted;
import ro.cluj.crt.events.interview.Measure;
import ro.cluj.crt.events.interview.PublishedSource;
import ro.cluj.crt.events.interview.SupportNeed;
import ro.cluj.crt.events.interview.SupportOffer;
import ro.cluj.crt.events.organisation.OrganisationId;
import ro.cluj.crt.events.vocabulary.Channel;
import ro.cluj.crt.events.vocabulary.Consent;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.SupportHorizon;
import ro.cluj.crt.events.vocabulary.SupportKind;

@DisplayName("Interview aggregate")
class InterviewTest {

    private static final String ID = "interview-2020_07";
    private static final String ORGANISATION = "org-cluj_42";
    private static final LocalDate TODAY = LocalDate.of(2021, 3, 15);
    private static final LocalDate EARLIER = TODAY.minusMonths(2);
    private static final String REASON = "the organisation corrected a figure";

    private AggregateTestFixture<Interview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Interview.class);
    }

    @Nested
    @DisplayName("RecordInterview")
    class Record {

        @Test
        void recordsANewInterview() {
            fixture.givenNoPriorActivity()
                   .when(record(content(), reference()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(recorded(content(), reference()))
                   .expectResultMessagePayloadMatching(not(instanceOf(CommandOutcome.Repeated.class)));
        }

        @Test
        void recordsAnInterviewWithoutExternalReference() {
            fixture.givenNoPriorActivity()
                   .when(record(content(), null))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(recorded(content(), null));
        }

        @Test
        void recordsAnInterviewHeldToday() {
            fixture.givenNoPriorActivity()
                   .when(record(content(TODAY), reference()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(recorded(content(TODAY), reference()));
        }

        @Test
        void rejectsAnInterviewDatedAfterToday() {
            fixture.givenNoPriorActivity()
                   .when(record(content(TODAY.plusDays(1)), reference()))
                   .expectNoEvents()
                   .expectException(invalidFields("date"));
        }

        @Test
        void recordsMeasuresThatStartAndEndInTheFuture() {
            InterviewContent plans = content(EARLIER, Channel.ONLINE, Consent.PUBLISH, null,
                    measure(TODAY.plusMonths(1), TODAY.plusYears(1)));

            fixture.givenNoPriorActivity()
                   .when(record(plans, reference()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(recorded(plans, reference()));
        }

        @ParameterizedTest(name = "channel {0}")
        @EnumSource(value = Channel.class, names = "PUBLISHED_SOURCE", mode = EnumSource.Mode.EXCLUDE)
        void recordsAConversationWithoutSourceUnderAnyConsent(Channel channel) {
            InterviewContent unpublished = content(EARLIER, channel, Consent.NOT_FOR_PUBLICATION, null, measure());

            fixture.givenNoPriorActivity()
                   .when(record(unpublished, reference()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(recorded(unpublished, reference()));
        }

        @Test
        void recordsAnInterviewDocumentedFromANamedPublishedSource() {
            fixture.givenNoPriorActivity()
                   .when(record(published(Consent.PUBLISH, source()), reference()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(recorded(published(Consent.PUBLISH, source()), reference()));
        }

        @Test
        void rejectsAPublishedSourceInterviewThatDoesNotNameItsSource() {
            fixture.givenNoPriorActivity()
                   .when(record(published(Consent.PUBLISH, null), reference()))
                   .expectNoEvents()
                   .expectException(ruleViolation("published-source-named", "source"));
        }

        @ParameterizedTest(name = "consent {0}")
        @EnumSource(value = Consent.class, names = "PUBLISH", mode = EnumSource.Mode.EXCLUDE)
        void rejectsAPublishedSourceInterviewWithAConsentOtherThanPublish(Consent consent) {
            fixture.givenNoPriorActivity()
                   .when(record(published(consent, source()), reference()))
                   .expectNoEvents()
                   .expectException(ruleViolation("published-source-is-public", "consent"));
        }

        @Test
        void answersRepeatedAndEmitsNothingWhenTheSameRecordIsRepeated() {
            fixture.given(recorded(content(), reference()))
                   .when(record(content(), reference()))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents()
                   .expectResultMessagePayload(new CommandOutcome.Repeated(ID));
        }

        @Test
        void answersRepeatedForTheOriginalRecordEvenAfterAnAmendment() {
            fixture.given(recorded(content(), reference()), amended(otherContent(), REASON))
                   .when(record(content(), reference()))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents()
                   .expectResultMessagePayload(new CommandOutcome.Repeated(ID));
        }

        @Test
        void rejectsDifferentContentOnAnExistingId() {
            fixture.given(recorded(content(), reference()))
                   .when(record(otherContent(), reference()))
                   .expectNoEvents()
                   .expectException(conflict("recorded"));
        }

        @Test
        void rejectsADifferentOrganisationOnAnExistingId() {
            fixture.given(recorded(content(), reference()))
                   .when(new RecordInterview(ID, "another-org", content(), reference(), TODAY))
                   .expectNoEvents()
                   .expectException(conflict("recorded"));
        }

        @Test
        void rejectsADifferentExternalReferenceOnAnExistingId() {
            fixture.given(recorded(content(), reference()))
                   .when(record(content(), new ExternalReference("covid-survey-2020", "row-8")))
                   .expectNoEvents()
                   .expectException(conflict("recorded"));
        }
    }

    @Nested
    @DisplayName("AmendInterview")
    class Amend {

        @Test
        void amendsTheContentAndKeepsTheReason() {
            fixture.given(recorded(content(), reference()))
                   .when(amend(null, otherContent(), REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(amended(otherContent(), REASON));
        }

        @Test
        void amendsAgainAfterAnEarlierAmendment() {
            fixture.given(recorded(content(), reference()), amended(otherContent(), REASON))
                   .when(amend(null, content(), "the first version was right"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(amended(content(), "the first version was right"));
        }

        @ParameterizedTest(name = "reason [{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n "})
        void requiresAReason(String reason) {
            fixture.given(recorded(content(), reference()))
                   .when(amend(null, otherContent(), reason))
                   .expectNoEvents()
                   .expectException(invalidFields("reason"));
        }

        @Test
        void rejectsAnAmendmentOfARetractedInterview() {
            fixture.given(recorded(content(), reference()), retracted(REASON))
                   .when(amend(null, otherContent(), REASON))
                   .expectNoEvents()
                   .expectException(conflict("retracted"));
        }

        @Test
        void rejectsAnAmendedDateAfterToday() {
            fixture.given(recorded(content(), reference()))
                   .when(amend(null, content(TODAY.plusDays(1)), REASON))
                   .expectNoEvents()
                   .expectException(invalidFields("date"));
        }

        @Test
        void acceptsAnAmendedDateOfToday() {
            fixture.given(recorded(content(), reference()))
                   .when(amend(null, content(TODAY), REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(amended(content(TODAY), REASON));
        }

        @Test
        void rejectsAnAmendmentToAPublishedSourceThatDoesNotNameIt() {
            fixture.given(recorded(content(), reference()))
                   .when(amend(null, published(Consent.PUBLISH, null), REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation("published-source-named", "source"));
        }

        @Test
        void rejectsAnAmendmentToAPublishedSourceWithAConsentOtherThanPublish() {
            fixture.given(recorded(content(), reference()))
                   .when(amend(null, published(Consent.PUBLISH_WITHOUT_NAME, source()), REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation("published-source-is-public", "consent"));
        }

        @Test
        void rejectsAnAmendmentBasedOnAStaleVersion() {
            fixture.given(recorded(content(), reference()), amended(otherContent(), REASON))
                   .when(amend(0L, content(), REASON))
                   .expectNoEvents()
                   .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void acceptsAnAmendmentBasedOnTheCurrentVersion() {
            fixture.given(recorded(content(), reference()), amended(otherContent(), REASON))
                   .when(amend(1L, content(), REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(amended(content(), REASON));
        }

        @Test
        void rejectsAnAmendmentOfAnInterviewThatWasNeverRecorded() {
            fixture.givenNoPriorActivity()
                   .when(amend(null, content(), REASON))
                   .expectNoEvents()
                   .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    @DisplayName("RetractInterview")
    class Retract {

        @Test
        void retractsTheInterviewAndKeepsTheReason() {
            fixture.given(recorded(content(), reference()))
                   .when(retract(null, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(retracted(REASON));
        }

        @Test
        void retractsAnAmendedInterview() {
            fixture.given(recorded(content(), reference()), amended(otherContent(), REASON))
                   .when(retract(1L, "recorded twice"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(retracted("recorded twice"));
        }

        @Test
        void rejectsASecondRetraction() {
            fixture.given(recorded(content(), reference()), retracted(REASON))
                   .when(retract(null, REASON))
                   .expectNoEvents()
                   .expectException(conflict("retracted"));
        }

        @ParameterizedTest(name = "reason [{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n "})
        void requiresAReason(String reason) {
            fixture.given(recorded(content(), reference()))
                   .when(retract(null, reason))
                   .expectNoEvents()
                   .expectException(invalidFields("reason"));
        }

        @Test
        void rejectsARetractionBasedOnAStaleVersion() {
            fixture.given(recorded(content(), reference()), amended(otherContent(), REASON))
                   .when(retract(0L, REASON))
                   .expectNoEvents()
                   .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void rejectsARetractionOfAnInterviewThatWasNeverRecorded() {
            fixture.givenNoPriorActivity()
                   .when(retract(null, REASON))
                   .expectNoEvents()
                   .expectException(AggregateNotFoundException.class);
        }
    }

    // --- test data ---

    private static InterviewContent content() {
        return content(EARLIER);
    }

    private static InterviewContent content(LocalDate date) {
        return content(date, Channel.PHONE, Consent.PUBLISH_WITHOUT_NAME, null, measure());
    }

    private static InterviewContent otherContent() {
        return content(EARLIER.minusDays(3), Channel.IN_PERSON, Consent.PUBLISH, null, measure());
    }

    private static InterviewContent published(Consent consent, PublishedSource source) {
        return content(EARLIER, Channel.PUBLISHED_SOURCE, consent, source, measure());
    }

    private static InterviewContent content(LocalDate date, Channel channel, Consent consent, PublishedSource source,
                                            Measure measure) {
        return new InterviewContent(date, channel, List.of(measure),
                List.of(new SupportNeed(SupportKind.VOLUNTEERS_AND_STAFF, SupportHorizon.SHORT_TERM, "drivers")),
                new SupportOffer(true, List.of(Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS), "food parcels"),
                "keep a list of volunteers ready", consent, source);
    }

    private static Measure measure() {
        return measure(EARLIER.minusMonths(1), null);
    }

    private static Measure measure(LocalDate start, LocalDate end) {
        return new Measure("measure-1", "Grocery deliveries", Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS, null,
                "Volunteers delivered groceries to elderly people", List.of("elderly"), start, end,
                List.of("City hall"), "300 households", List.of(), List.of("https://example.org/report"));
    }

    private static PublishedSource source() {
        return new PublishedSource("Annual report 2020", "https://example.org/report", "© Example", "CC BY 4.0");
    }

    private static ExternalReference reference() {
        return new ExternalReference("covid-survey-2020", "row-7");
    }

    private static RecordInterview record(InterviewContent content, ExternalReference reference) {
        return new RecordInterview(ID, ORGANISATION, content, reference, TODAY);
    }

    private static AmendInterview amend(Long expectedVersion, InterviewContent content, String reason) {
        return new AmendInterview(ID, expectedVersion, content, reason, TODAY);
    }

    private static RetractInterview retract(Long expectedVersion, String reason) {
        return new RetractInterview(ID, expectedVersion, reason);
    }

    private static InterviewRecorded recorded(InterviewContent content, ExternalReference reference) {
        return new InterviewRecorded(InterviewId.of(ID), OrganisationId.of(ORGANISATION), content, reference);
    }

    private static InterviewAmended amended(InterviewContent content, String reason) {
        return new InterviewAmended(InterviewId.of(ID), OrganisationId.of(ORGANISATION), content, reason);
    }

    private static InterviewRetracted retracted(String reason) {
        return new InterviewRetracted(InterviewId.of(ID), OrganisationId.of(ORGANISATION), reason);
    }
}
