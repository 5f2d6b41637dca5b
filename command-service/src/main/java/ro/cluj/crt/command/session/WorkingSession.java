package ro.cluj.crt.command.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.cluj.crt.command.session.SessionCommands.CancelSession;
import ro.cluj.crt.command.session.SessionCommands.RecordOutcomes;
import ro.cluj.crt.command.session.SessionCommands.RecordSessionHeld;
import ro.cluj.crt.command.session.SessionCommands.RegisterParticipant;
import ro.cluj.crt.command.session.SessionCommands.RescheduleSession;
import ro.cluj.crt.command.session.SessionCommands.ScheduleSession;
import ro.cluj.crt.command.session.SessionCommands.WithdrawParticipant;
import ro.cluj.crt.command.write.CommandOutcome;
import ro.cluj.crt.command.write.Reasons;
import ro.cluj.crt.events.session.OutcomesRecorded;
import ro.cluj.crt.events.session.ParticipantRegistered;
import ro.cluj.crt.events.session.ParticipantWithdrawn;
import ro.cluj.crt.events.session.SessionCancelled;
import ro.cluj.crt.events.session.SessionHeld;
import ro.cluj.crt.events.session.SessionId;
import ro.cluj.crt.events.session.SessionRescheduled;
import ro.cluj.crt.events.session.SessionScheduled;
import ro.cluj.crt.events.vocabulary.ParticipantRole;
import ro.cluj.crt.support.web.ConflictException;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;
import ro.cluj.crt.support.web.RuleViolationException;

/**
 * A public working session with decision-makers, from scheduling to its outcomes. Nothing changes after it is
 * cancelled; it is held once, never after cancellation; it is neither moved nor cancelled once held; outcomes are
 * recorded only after it is held, and each recording adds to the earlier ones; an organisation takes part once in
 * each role and position.
 */
@Aggregate
public class WorkingSession {

    @AggregateIdentifier
    private String sessionId;
    private LocalDate date;
    private State state;
    /** The current participants: participant id to what identifies them in the session. */
    private final Map<String, String> participants = new LinkedHashMap<>();
    private final Set<String> linkedCommitments = new HashSet<>();
    /** What the session was scheduled with, to recognise a repeated create. */
    private ScheduleSession scheduled;

    private enum State { SCHEDULED, HELD, CANCELLED }

    protected WorkingSession() {
        // for Axon: a session is rebuilt from its events
    }

    /** Schedules the session; the same command again answers as the first time, other content conflicts. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(ScheduleSession command) {
        if (sessionId != null) {
            if (!command.equals(scheduled)) {
                throw new ConflictException("scheduled", "a session with this id was scheduled with other content");
            }
            return new CommandOutcome.Repeated(sessionId);
        }
        List<FieldError> venue = Venue.problems(command.place(), command.link());
        if (!venue.isEmpty()) {
            throw new InvalidRequestException(venue);
        }
        apply(new SessionScheduled(SessionId.of(command.sessionId()), command.topic(), command.date(),
                command.place(), command.link(), command.lessonIds()));
        return null;
    }

    @CommandHandler
    public void handle(RescheduleSession command) {
        requireScheduled("moved");
        Reasons.require(command.reason());
        if (command.date().equals(date)) {
            throw new RuleViolationException("rescheduling-changes-date", "date",
                    "the session is planned for this day already");
        }
        apply(new SessionRescheduled(id(), date, command.date(), command.reason()));
    }

    @CommandHandler
    public void handle(CancelSession command) {
        requireScheduled("cancelled");
        Reasons.require(command.reason());
        apply(new SessionCancelled(id(), command.reason()));
    }

    @CommandHandler
    public void handle(RegisterParticipant command) {
        requireNotCancelled();
        String identity = identity(command.organisationId(), command.role(), command.positionTitle());
        if (participants.containsKey(command.participantId()) || participants.containsValue(identity)) {
            throw new ConflictException("registered", "this participant is registered for the session already");
        }
        apply(new ParticipantRegistered(id(), command.participantId(), command.organisationId(), command.role(),
                command.positionTitle()));
    }

    @CommandHandler
    public void handle(WithdrawParticipant command) {
        requireNotCancelled();
        if (!participants.containsKey(command.participantId())) {
            throw new NotFoundException("the session has no participant with this id");
        }
        apply(new ParticipantWithdrawn(id(), command.participantId(), command.reason()));
    }

    @CommandHandler
    public void handle(RecordSessionHeld command) {
        requireScheduled("held again");
        if (command.heldOn().isAfter(command.today())) {
            throw new InvalidRequestException("heldOn", "must not be in the future (Cluj time)");
        }
        apply(new SessionHeld(id(), command.heldOn()));
    }

    @CommandHandler
    public void handle(RecordOutcomes command) {
        requireNotCancelled();
        if (state != State.HELD) {
            throw new ConflictException("scheduled", "outcomes are recorded once the session is held");
        }
        if (command.recommendations().isEmpty() && command.supportNeeds().isEmpty()
                && command.volunteeredSupport().isEmpty() && command.commitmentIds().isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            for (String field : List.of("recommendations", "supportNeeds", "volunteeredSupport", "commitmentIds")) {
                errors.add(new FieldError(field, "record at least one outcome"));
            }
            throw new InvalidRequestException(errors);
        }
        for (String commitmentId : command.commitmentIds()) {
            if (linkedCommitments.contains(commitmentId)) {
                throw new ConflictException("commitment-linked", "the commitment " + commitmentId
                        + " is among the session's outcomes already");
            }
        }
        apply(new OutcomesRecorded(id(), command.recommendations(), command.supportNeeds(),
                command.volunteeredSupport(), command.commitmentIds()));
    }

    /** A participant is an organisation in a role and position; the same three again are the same participant. */
    private static String identity(String organisationId, ParticipantRole role, String positionTitle) {
        String position = positionTitle == null ? "" : positionTitle.strip().toLowerCase(Locale.ROOT);
        return organisationId + "\u001e" + role.code() + "\u001e" + position;
    }

    private void requireNotCancelled() {
        if (state == State.CANCELLED) {
            throw new ConflictException("cancelled", "the session is cancelled and changes no more");
        }
    }

    private void requireScheduled(String change) {
        requireNotCancelled();
        if (state == State.HELD) {
            throw new ConflictException("held", "the session was held and cannot be " + change);
        }
    }

    private SessionId id() {
        return SessionId.of(sessionId);
    }

    @EventSourcingHandler
    void on(SessionScheduled event) {
        scheduled = new ScheduleSession(event.sessionId().value(), event.topic(), event.date(), event.place(),
                event.link(), event.lessonIds());
        sessionId = event.sessionId().value();
        date = event.date();
        state = State.SCHEDULED;
    }

    @EventSourcingHandler
    void on(SessionRescheduled event) {
        date = event.date();
    }

    @EventSourcingHandler
    void on(SessionCancelled event) {
        state = State.CANCELLED;
    }

    @EventSourcingHandler
    void on(ParticipantRegistered event) {
        participants.put(event.participantId(),
                identity(event.organisationId(), event.role(), event.positionTitle()));
    }

    @EventSourcingHandler
    void on(ParticipantWithdrawn event) {
        participants.remove(event.participantId());
    }

    @EventSourcingHandler
    void on(SessionHeld event) {
        state = State.HELD;
    }

    @EventSourcingHandler
    void on(OutcomesRecorded event) {
        linkedCommitments.addAll(event.commitmentIds());
    }
}
