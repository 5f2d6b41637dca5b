package ro.cluj.crt.command.session;

import static ro.cluj.crt.command.ProblemMatchers.conflict;
import static ro.cluj.crt.command.ProblemMatchers.invalidFields;
import static ro.cluj.crt.command.ProblemMatchers.ruleViolation;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import ro.cluj.crt.command.session.SessionCommands.CancelSession;
import ro.cluj.crt.command.session.SessionCommands.RecordOutcomes;
import ro.cluj.crt.command.session.SessionCommands.RecordSessionHeld;
import ro.cluj.crt.command.session.SessionCommands.RegisterParticipant;
import ro.cluj.crt.command.session.SessionCommands.RescheduleSession;
import ro.cluj.crt.command.session.SessionCommands.ScheduleSession;
import ro.cluj.crt.command.session.SessionCommands.WithdrawParticipant;
import ro.cluj.crt.command.write.CommandOutcome;
import ro.cluj.crt.events.session.IdentifiedSupportNeed;
import ro.cluj.crt.events.session.OutcomesRecorded;
import ro.cluj.crt.events.session.ParticipantRegistered;
import ro.cluj.crt.events.session.ParticipantWithdrawn;
import ro.cluj.crt.events.session.SessionCancelled;
import ro.cluj.crt.events.session.SessionHeld;
import ro.cluj.crt.events.session.SessionId;
import ro.cluj.crt.events.session.SessionRescheduled;
import ro.cluj.crt.events.session.SessionScheduled;
import ro.cluj.crt.events.session.VolunteeredSupport;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.ParticipantRole;
import ro.cluj.crt.events.vocabulary.SupportKind;
import ro.cluj.crt.support.web.NotFoundException;

@DisplayName("Working session aggregate")
class WorkingSessionTest {

    private static final String ID = "session-2026-03";
    private static final SessionId SESSION = SessionId.of(ID);
    private static final String TOPIC = "Food support after the emergency";
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
    private static final LocalDate DATE = LocalDate.of(2026, 3, 12);
    private static final LocalDate LATER = LocalDate.of(2026, 3, 19);
    private static final String PLACE = "Sala de sticlă, Primăria Cluj-Napoca";
    private static final String LINK = "https://meet.example.org/crt-session-1";
    private static final List<String> LESSONS = List.of("lesson-1", "lesson-2");
    private static final String CITY_HALL = "org-city-hall";
    private static final String FOOD_BANK = "org-food-bank";
    private static final String MAYOR = "participant-deputy-mayor";
    private static final String REASON = "the hall is being renovated";
    private static final String RECOMMENDATION = "Insure volunteers from their first day";
    private static final IdentifiedSupportNeed NEED = new IdentifiedSupportNeed(SupportKind.VOLUNTEERS_AND_STAFF,
            "drivers for the weekend rounds");
    private static final VolunteeredSupport OFFER = new VolunteeredSupport(FOOD_BANK,
            Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS, "storage space");

    private AggregateTestFixture<WorkingSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WorkingSession.class);
    }

    @Nested
    @DisplayName("ScheduleSession")
    class Schedule {

        @Test
        void schedulesASessionAtAPlaceAndALink() {
            fixture.givenNoPriorActivity()
                   .when(schedule(PLACE, LINK))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(scheduled(PLACE, LINK));
        }

        @Test
        void aPlaceAloneOrALinkAloneIsEnough() {
            fixture.givenNoPriorActivity()
                   .when(schedule(PLACE, null))
                   .expectEvents(scheduled(PLACE, null));
            fixture.givenNoPriorActivity()
                   .when(schedule(null, "http://meet.example.org/x"))
                   .expectEvents(scheduled(null, "http://meet.example.org/x"));
        }

        @Test
        void acceptsADateInTheFuture() {
            fixture.givenNoPriorActivity()
                   .when(new ScheduleSession(ID, TOPIC, LocalDate.of(2199, 1, 1), PLACE, null, List.of()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new SessionScheduled(SESSION, TOPIC, LocalDate.of(2199, 1, 1), PLACE, null,
                           List.of()));
        }

        @Test
        void needsAPlaceOrALink() {
            fixture.givenNoPriorActivity()
                   .when(schedule(null, null))
                   .expectNoEvents()
                   .expectException(invalidFields("link", "place"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"ftp://files.example.org/x", "javascript:alert(1)", "meet.example.org/x",
            "https://", "not a link"})
        void aLinkIsAnHttpAddress(String link) {
            fixture.givenNoPriorActivity()
                   .when(schedule(PLACE, link))
                   .expectNoEvents()
                   .expectException(invalidFields("link"));
        }

        @Test
        void aRepeatedScheduleAnswersAsTheFirstAndAppliesNothing() {
            fixture.given(scheduled(PLACE, LINK))
                   .when(schedule(PLACE, LINK))
                   .expectNoEvents()
                   .expectResultMessagePayload(new CommandOutcome.Repeated(ID));
        }

        @Test
        void theSameIdWithOtherContentIsAConflict() {
            fixture.given(scheduled(PLACE, LINK))
                   .when(schedule(PLACE, null))
                   .expectNoEvents()
                   .expectException(conflict("scheduled"));
        }
    }

    @Nested
    @DisplayName("RescheduleSession")
    class Reschedule {

        @Test
        void movesTheSessionAndKeepsThePreviousDate() {
            fixture.given(scheduled(PLACE, LINK))
                   .when(new RescheduleSession(ID, null, LATER, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new SessionRescheduled(SESSION, DATE, LATER, REASON));
        }

        @ParameterizedTest
        @NullAndEmptySource
        void needsAReason(String reason) {
            fixture.given(scheduled(PLACE, LINK))
                   .when(new RescheduleSession(ID, null, LATER, reason))
                   .expectNoEvents()
                   .expectException(invalidFields("reason"));
        }

        @Test
        void theSameDateBreaksARule() {
            fixture.given(scheduled(PLACE, LINK), new SessionRescheduled(SESSION, DATE, LATER, REASON))
                   .when(new RescheduleSession(ID, null, LATER, REASON))
                   .expectNoEvents()
                   .expectException(ruleViolation("rescheduling-changes-date", "date"));
        }

        @Test
        void aHeldSessionIsNotMoved() {
            fixture.given(scheduled(PLACE, LINK), held())
                   .when(new RescheduleSession(ID, null, LATER, REASON))
                   .expectNoEvents()
                   .expectException(conflict("held"));
        }

        @Test
        void aCancelledSessionIsNotMoved() {
            fixture.given(scheduled(PLACE, LINK), cancelled())
                   .when(new RescheduleSession(ID, null, LATER, REASON))
                   .expectNoEvents()
                   .expectException(conflict("cancelled"));
        }

        @Test
        void aStaleVersionIsRefused() {
            fixture.given(scheduled(PLACE, LINK), registered(MAYOR, CITY_HALL, "deputy mayor"))
                   .when(new RescheduleSession(ID, 0L, LATER, REASON))
                   .expectNoEvents()
                   .expectException(ConflictingAggregateVersionException.class);
        }
    }

    @Nested
    @DisplayName("CancelSession")
    class Cancel {

        @Test
        void cancelsAScheduledSession() {
            fixture.given(scheduled(PLACE, LINK))
                   .when(new CancelSession(ID, null, REASON))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(cancelled());
        }

        @Test
        void needsAReason() {
            fixture.given(scheduled(PLACE, LINK))
                   .when(new CancelSession(ID, null, " "))
                   .expectNoEvents()
                   .expectException(invalidFields("reason"));
        }

        @Test
        void cancellingTwiceIsAConflict() {
            fixture.given(scheduled(PLACE, LINK), cancelled())
                   .when(new CancelSession(ID, null, REASON))
                   .expectNoEvents()
                   .expectException(conflict("cancelled"));
        }

        @Test
        void aHeldSessionIsNotCancelled() {
            fixture.given(scheduled(PLACE, LINK), held())
                   .when(new CancelSession(ID, null, REASON))
                   .expectNoEvents()
                   .expectException(conflict("held"));
        }
    }

    @Nested
    @DisplayName("RegisterParticipant and WithdrawParticipant")
    class Participants {

        @Test
        void registersAnOrganisationByRoleAndPosition() {
            fixture.given(scheduled(PLACE, LINK))
                   .when(register(MAYOR, CITY_HALL, "deputy mayor"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(registered(MAYOR, CITY_HALL, "deputy mayor"));
        }

        @Test
        void registersTwoPositionsOfOneOrganisation() {
            fixture.given(scheduled(PLACE, LINK), registered(MAYOR, CITY_HALL, "deputy mayor"))
                   .when(register("participant-2", CITY_HALL, "head of social services"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(registered("participant-2", CITY_HALL, "head of social services"));
        }

        @Test
        void theSameParticipantTwiceIsAConflict() {
            fixture.given(scheduled(PLACE, LINK), registered(MAYOR, CITY_HALL, "deputy mayor"))
                   .when(register("participant-2", CITY_HALL, "Deputy Mayor "))
                   .expectNoEvents()
                   .expectException(conflict("registered"));
        }

        @Test
        void theSameParticipantIdTwiceIsAConflict() {
            fixture.given(scheduled(PLACE, LINK), registered(MAYOR, CITY_HALL, "deputy mayor"))
                   .when(register(MAYOR, FOOD_BANK, null))
                   .expectNoEvents()
                   .expectException(conflict("registered"));
        }

        @Test
        void aWithdrawnParticipantMayRegisterAgain() {
            fixture.given(scheduled(PLACE, LINK), registered(MAYOR, CITY_HALL, "deputy mayor"),
                           new ParticipantWithdrawn(SESSION, MAYOR, null))
                   .when(register(MAYOR, CITY_HALL, "deputy mayor"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(registered(MAYOR, CITY_HALL, "deputy mayor"));
        }

        @Test
        void participantsMayBeRecordedAfterTheSessionWasHeld() {
            fixture.given(scheduled(PLACE, LINK), held())
                   .when(register(MAYOR, CITY_HALL, "deputy mayor"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(registered(MAYOR, CITY_HALL, "deputy mayor"));
        }

        @Test
        void aCancelledSessionTakesNoParticipants() {
            fixture.given(scheduled(PLACE, LINK), cancelled())
                   .when(register(MAYOR, CITY_HALL, "deputy mayor"))
                   .expectNoEvents()
                   .expectException(conflict("cancelled"));
        }

        @Test
        void withdrawsAParticipant() {
            fixture.given(scheduled(PLACE, LINK), registered(MAYOR, CITY_HALL, "deputy mayor"))
                   .when(new WithdrawParticipant(ID, null, MAYOR, "could not attend"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ParticipantWithdrawn(SESSION, MAYOR, "could not attend"));
        }

        @Test
        void anUnknownParticipantIsNotFound() {
            fixture.given(scheduled(PLACE, LINK), registered(MAYOR, CITY_HALL, "deputy mayor"),
                           new ParticipantWithdrawn(SESSION, MAYOR, null))
                   .when(new WithdrawParticipant(ID, null, MAYOR, null))
                   .expectNoEvents()
                   .expectException(NotFoundException.class);
        }

        @Test
        void noWithdrawalAfterCancellation() {
            fixture.given(scheduled(PLACE, LINK), registered(MAYOR, CITY_HALL, "deputy mayor"), cancelled())
                   .when(new WithdrawParticipant(ID, null, MAYOR, null))
                   .expectNoEvents()
                   .expectException(conflict("cancelled"));
        }
    }

    @Nested
    @DisplayName("RecordSessionHeld")
    class Held {

        @Test
        void recordsTheDayItWasHeld() {
            fixture.given(scheduled(PLACE, LINK))
                   .when(new RecordSessionHeld(ID, null, DATE, TODAY))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(held());
        }

        @Test
        void todayIsAllowed() {
            fixture.given(scheduled(PLACE, LINK))
                   .when(new RecordSessionHeld(ID, null, TODAY, TODAY))
                   .expectEvents(new SessionHeld(SESSION, TODAY));
        }

        @Test
        void notInTheFuture() {
            fixture.given(scheduled(PLACE, LINK))
                   .when(new RecordSessionHeld(ID, null, TODAY.plusDays(1), TODAY))
                   .expectNoEvents()
                   .expectException(invalidFields("heldOn"));
        }

        @Test
        void onlyOnce() {
            fixture.given(scheduled(PLACE, LINK), held())
                   .when(new RecordSessionHeld(ID, null, DATE, TODAY))
                   .expectNoEvents()
                   .expectException(conflict("held"));
        }

        @Test
        void notAfterCancellation() {
            fixture.given(scheduled(PLACE, LINK), cancelled())
                   .when(new RecordSessionHeld(ID, null, DATE, TODAY))
                   .expectNoEvents()
                   .expectException(conflict("cancelled"));
        }
    }

    @Nested
    @DisplayName("RecordOutcomes")
    class Outcomes {

        @Test
        void recordsEveryKindOfOutcome() {
            fixture.given(scheduled(PLACE, LINK), held())
                   .when(outcomes(List.of("commitment-1")))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new OutcomesRecorded(SESSION, List.of(RECOMMENDATION), List.of(NEED),
                           List.of(OFFER), List.of("commitment-1")));
        }

        @Test
        void eachRecordingAdds() {
            fixture.given(scheduled(PLACE, LINK), held(), new OutcomesRecorded(SESSION, List.of(RECOMMENDATION),
                           List.of(), List.of(), List.of("commitment-1")))
                   .when(new RecordOutcomes(ID, null, List.of(), List.of(), List.of(), List.of("commitment-2")))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new OutcomesRecorded(SESSION, List.of(), List.of(), List.of(),
                           List.of("commitment-2")));
        }

        @Test
        void onlyAfterTheSessionWasHeld() {
            fixture.given(scheduled(PLACE, LINK))
                   .when(outcomes(List.of()))
                   .expectNoEvents()
                   .expectException(conflict("scheduled"));
        }

        @Test
        void notAfterCancellation() {
            fixture.given(scheduled(PLACE, LINK), cancelled())
                   .when(outcomes(List.of()))
                   .expectNoEvents()
                   .expectException(conflict("cancelled"));
        }

        @Test
        void needAtLeastOneOutcome() {
            fixture.given(scheduled(PLACE, LINK), held())
                   .when(new RecordOutcomes(ID, null, List.of(), List.of(), List.of(), List.of()))
                   .expectNoEvents()
                   .expectException(invalidFields("commitmentIds", "recommendations", "supportNeeds",
                           "volunteeredSupport"));
        }

        @Test
        void aCommitmentIsLinkedOnce() {
            fixture.given(scheduled(PLACE, LINK), held(), new OutcomesRecorded(SESSION, List.of(), List.of(),
                           List.of(), List.of("commitment-1")))
                   .when(outcomes(List.of("commitment-1")))
                   .expectNoEvents()
                   .expectException(conflict("commitment-linked"));
        }
    }

    private static ScheduleSession schedule(String place, String link) {
        return new ScheduleSession(ID, TOPIC, DATE, place, link, LESSONS);
    }

    private static SessionScheduled scheduled(String place, String link) {
        return new SessionScheduled(SESSION, TOPIC, DATE, place, link, LESSONS);
    }

    private static RegisterParticipant register(String participantId, String organisationId, String position) {
        return new RegisterParticipant(ID, null, participantId, organisationId, ParticipantRole.DECISION_MAKER,
                position);
    }

    private static ParticipantRegistered registered(String participantId, String organisationId, String position) {
        return new ParticipantRegistered(SESSION, participantId, organisationId, ParticipantRole.DECISION_MAKER,
                position);
    }

    private static RecordOutcomes outcomes(List<String> commitmentIds) {
        return new RecordOutcomes(ID, null, List.of(RECOMMENDATION), List.of(NEED), List.of(OFFER), commitmentIds);
    }

    private static SessionHeld held() {
        return new SessionHeld(SESSION, DATE);
    }

    private static SessionCancelled cancelled() {
        return new SessionCancelled(SESSION, REASON);
    }
}
