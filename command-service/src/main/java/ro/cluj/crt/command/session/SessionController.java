package ro.cluj.crt.command.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.command.commitment.Commitment;
import ro.cluj.crt.command.config.Clocks;
import ro.cluj.crt.command.lesson.Lesson;
import ro.cluj.crt.command.organisation.Organisation;
import ro.cluj.crt.command.session.SessionCommands.CancelSession;
import ro.cluj.crt.command.session.SessionCommands.RecordOutcomes;
import ro.cluj.crt.command.session.SessionCommands.RecordSessionHeld;
import ro.cluj.crt.command.session.SessionCommands.RegisterParticipant;
import ro.cluj.crt.command.session.SessionCommands.RescheduleSession;
import ro.cluj.crt.command.session.SessionCommands.ScheduleSession;
import ro.cluj.crt.command.session.SessionCommands.WithdrawParticipant;
import ro.cluj.crt.command.write.AggregateDirectory;
import ro.cluj.crt.command.write.CommandSender;
import ro.cluj.crt.command.write.StaffRequests;
import ro.cluj.crt.command.write.Texts;
import ro.cluj.crt.command.write.WriteResponses;
import ro.cluj.crt.events.Identifiers;
import ro.cluj.crt.events.api.WriteReceipt;
import ro.cluj.crt.events.session.IdentifiedSupportNeed;
import ro.cluj.crt.events.session.VolunteeredSupport;
import ro.cluj.crt.support.api.ReadsBody;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.RequestReader;
import ro.cluj.crt.support.web.RuleViolationException;

/**
 * Staff schedule working sessions, register their participants, record that they were held and their outcomes.
 * Lessons, organisations and commitments named in a body must exist (422 otherwise); a commitment made at a session
 * is linked from the session only, by id.
 */
@RestController
class SessionController {

    private static final String SESSION = "/api/sessions/{sessionId}";

    private final RequestReader reader;
    private final StaffRequests requests;
    private final CommandSender commands;
    private final AggregateDirectory directory;
    private final Clock clock;

    SessionController(RequestReader reader, StaffRequests requests, CommandSender commands,
                      AggregateDirectory directory, Clock clock) {
        this.reader = reader;
        this.requests = requests;
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping("/api/sessions")
    @ReadsBody(SessionRequests.Scheduling.class)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<WriteReceipt> schedule(@RequestBody JsonNode body,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        SessionRequests.Scheduling request = reader.read(body, SessionRequests.Scheduling.class);
        List<String> lessonIds = distinct(request.lessonIds(), "lessonIds");
        for (int i = 0; i < lessonIds.size(); i++) {
            require(lessonIds.get(i), Lesson.class, "session-lessons-exist", "lessonIds[" + i + "]",
                    "a session discusses drafted lessons; no lesson has this id");
        }
        String id = requests.idForCreate(WorkingSession.class, request.id(), null, key);
        ScheduleSession command = new ScheduleSession(id, request.topic().strip(), request.date(),
                Texts.optional(request.place()), Texts.optional(request.link()), lessonIds);
        WriteReceipt receipt = commands.send(command, requests.metadata(null));
        return WriteResponses.created(URI.create("/api/sessions/" + id), receipt);
    }

    @PostMapping(SESSION + "/rescheduling")
    @ReadsBody(SessionRequests.Rescheduling.class)
    ResponseEntity<WriteReceipt> reschedule(@PathVariable String sessionId, @RequestBody JsonNode body,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        SessionRequests.Rescheduling request = reader.read(body, SessionRequests.Rescheduling.class);
        String reason = request.reason().strip();
        return send(sessionId, new RescheduleSession(sessionId, version(ifMatch), request.date(), reason), reason);
    }

    @PostMapping(SESSION + "/cancellation")
    @ReadsBody(SessionRequests.Reasoned.class)
    ResponseEntity<WriteReceipt> cancel(@PathVariable String sessionId, @RequestBody JsonNode body,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String reason = reader.read(body, SessionRequests.Reasoned.class).reason().strip();
        return send(sessionId, new CancelSession(sessionId, version(ifMatch), reason), reason);
    }

    /**
     * Registers a participant; the answer's {@code Location} ends with the participant's id (the client's own, or
     * one derived from the session, organisation, role and position).
     */
    @PostMapping(SESSION + "/participants")
    @ReadsBody(SessionRequests.Participation.class)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<WriteReceipt> register(@PathVariable String sessionId, @RequestBody JsonNode body,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        SessionRequests.Participation request = reader.read(body, SessionRequests.Participation.class);
        requests.requireExisting(sessionId, WorkingSession.class);
        require(request.organisationId(), Organisation.class, "participant-is-registered-organisation",
                "organisationId", "participants are registered organisations; this one is not registered");
        String position = Texts.optional(request.positionTitle());
        String participantId = request.id() != null ? validId(request.id())
                : Identifiers.derivedFrom("Participant", sessionId + "/" + request.organisationId() + "/"
                        + request.role().code() + "/" + (position == null ? "" : position.toLowerCase(Locale.ROOT)));
        WriteReceipt receipt = commands.send(new RegisterParticipant(sessionId, version(ifMatch), participantId,
                request.organisationId(), request.role(), position), requests.metadata(null));
        return WriteResponses.created(URI.create("/api/sessions/" + sessionId + "/participants/" + participantId),
                receipt);
    }

    @PostMapping(SESSION + "/participants/{participantId}/withdrawal")
    @ReadsBody(SessionRequests.Withdrawal.class)
    ResponseEntity<WriteReceipt> withdraw(@PathVariable String sessionId, @PathVariable String participantId,
                                          @RequestBody(required = false) JsonNode body,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String reason = body == null ? null
                : Texts.optional(reader.read(body, SessionRequests.Withdrawal.class).reason());
        return send(sessionId, new WithdrawParticipant(sessionId, version(ifMatch), participantId, reason), reason);
    }

    @PostMapping(SESSION + "/holding")
    @ReadsBody(SessionRequests.Holding.class)
    ResponseEntity<WriteReceipt> hold(@PathVariable String sessionId, @RequestBody(required = false) JsonNode body,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        LocalDate heldOn = body == null ? null : reader.read(body, SessionRequests.Holding.class).heldOn();
        return send(sessionId, new RecordSessionHeld(sessionId, version(ifMatch),
                heldOn == null ? today() : heldOn, today()), null);
    }

    @PostMapping(SESSION + "/outcomes")
    @ReadsBody(SessionRequests.Outcomes.class)
    ResponseEntity<WriteReceipt> recordOutcomes(@PathVariable String sessionId, @RequestBody JsonNode body,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        SessionRequests.Outcomes request = reader.read(body, SessionRequests.Outcomes.class);
        requests.requireExisting(sessionId, WorkingSession.class);
        List<String> commitmentIds = distinct(request.commitmentIds(), "commitmentIds");
        List<VolunteeredSupport> volunteers = volunteers(request.volunteeredSupport());
        for (int i = 0; i < commitmentIds.size(); i++) {
            require(commitmentIds.get(i), Commitment.class, "session-commitments-exist", "commitmentIds[" + i + "]",
                    "a session links commitments made in the tracker; no commitment has this id");
        }
        List<String> recommendations = request.recommendations() == null ? List.of()
                : request.recommendations().stream().map(String::strip).toList();
        List<IdentifiedSupportNeed> needs = request.supportNeeds() == null ? List.of()
                : request.supportNeeds().stream()
                        .map(need -> new IdentifiedSupportNeed(need.kind(), Texts.optional(need.note()))).toList();
        return send(sessionId, new RecordOutcomes(sessionId, version(ifMatch), recommendations, needs, volunteers,
                commitmentIds), null);
    }

    private List<VolunteeredSupport> volunteers(List<SessionRequests.Volunteer> given) {
        List<VolunteeredSupport> volunteers = new ArrayList<>();
        List<SessionRequests.Volunteer> requested = given == null ? List.of() : given;
        for (int i = 0; i < requested.size(); i++) {
            SessionRequests.Volunteer volunteer = requested.get(i);
            require(volunteer.organisationId(), Organisation.class, "volunteer-is-registered-organisation",
                    "volunteeredSupport[" + i + "].organisationId",
                    "support is volunteered by registered organisations; this one is not registered");
            volunteers.add(new VolunteeredSupport(volunteer.organisationId(), volunteer.field(),
                    Texts.optional(volunteer.note())));
        }
        return volunteers;
    }

    private ResponseEntity<WriteReceipt> send(String sessionId, Object command, String reason) {
        requests.requireExisting(sessionId, WorkingSession.class);
        return WriteResponses.ok(commands.send(command, requests.metadata(reason)));
    }

    private void require(String id, Class<?> type, String rule, String field, String message) {
        if (!directory.exists(id, type)) {
            throw new RuleViolationException(rule, field, message);
        }
    }

    /** The ids as given, once each; naming one twice is a bad request. */
    private static List<String> distinct(List<String> ids, String field) {
        List<String> given = ids == null ? List.of() : ids;
        for (int i = 0; i < given.size(); i++) {
            if (given.indexOf(given.get(i)) < i) {
                throw new InvalidRequestException(field + "[" + i + "]", "names the same id twice");
            }
        }
        return given;
    }

    private static String validId(String id) {
        if (!Identifiers.isValid(id)) {
            throw new InvalidRequestException("id", "must have 1 to 64 letters, digits, '-' or '_'");
        }
        return id;
    }

    private static Long version(String ifMatch) {
        return StaffRequests.expectedVersion(ifMatch);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.CLUJ));
    }
}
