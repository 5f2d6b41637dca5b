package ro.cluj.crt.command.commitment;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.command.commitment.CommitmentCommands.AbandonCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.AchieveMilestone;
import ro.cluj.crt.command.commitment.CommitmentCommands.AddCoSigner;
import ro.cluj.crt.command.commitment.CommitmentCommands.AddMilestone;
import ro.cluj.crt.command.commitment.CommitmentCommands.FulfilCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.MakeCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReopenCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReportProgress;
import ro.cluj.crt.command.commitment.CommitmentCommands.RescheduleMilestone;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReviewCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReviseCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.WithdrawCoSigner;
import ro.cluj.crt.command.config.Clocks;
import ro.cluj.crt.command.lesson.Lesson;
import ro.cluj.crt.command.organisation.Organisation;
import ro.cluj.crt.command.session.WorkingSession;
import ro.cluj.crt.command.write.AggregateDirectory;
import ro.cluj.crt.command.write.CommandSender;
import ro.cluj.crt.command.write.StaffRequests;
import ro.cluj.crt.command.write.Texts;
import ro.cluj.crt.command.write.WriteResponses;
import ro.cluj.crt.events.Identifiers;
import ro.cluj.crt.events.api.WriteReceipt;
import ro.cluj.crt.events.commitment.CommitmentOrigin;
import ro.cluj.crt.events.commitment.Milestone;
import ro.cluj.crt.support.api.ReadsBody;
import ro.cluj.crt.support.security.Role;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.RequestReader;
import ro.cluj.crt.support.web.RuleViolationException;

/**
 * Commitments: staff make, revise, schedule and close them; monitors report progress and review them. Every change
 * may carry {@code If-Match} with the version it was based on.
 */
@RestController
class CommitmentController {

    private static final String COMMITMENT = "/api/commitments/{commitmentId}";

    private final RequestReader reader;
    private final StaffRequests requests;
    private final CommandSender commands;
    private final AggregateDirectory directory;
    private final Clock clock;

    CommitmentController(RequestReader reader, StaffRequests requests, CommandSender commands,
                         AggregateDirectory directory, Clock clock) {
        this.reader = reader;
        this.requests = requests;
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping("/api/commitments")
    @ReadsBody(CommitmentRequests.Making.class)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<WriteReceipt> make(@RequestBody JsonNode body,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        CommitmentRequests.Making request = reader.read(body, CommitmentRequests.Making.class);
        List<String> coSigners = request.coSignerIds() == null ? List.of() : request.coSignerIds();
        requireOrganisation(request.leadOrganisationId(), "leadOrganisationId");
        for (int i = 0; i < coSigners.size(); i++) {
            if (coSigners.indexOf(coSigners.get(i)) < i) {
                throw new InvalidRequestException("coSignerIds[" + i + "]", "names a co-signer twice");
            }
            requireOrganisation(coSigners.get(i), "coSignerIds[" + i + "]");
        }
        CommitmentRequests.Origin origin = request.origin();
        requireOrigin(origin);
        String id = requests.idForCreate(Commitment.class, request.id(), null, key);
        MakeCommitment command = new MakeCommitment(id, request.leadOrganisationId(), coSigners,
                request.title().strip(), Texts.optional(request.description()), request.field(), request.kind(),
                origin == null ? null : new CommitmentOrigin(origin.sessionId(), origin.lessonIds()),
                request.startDate(), request.targetDate(), milestones(id, request.milestones()));
        WriteReceipt receipt = commands.send(command, requests.metadata(null));
        return WriteResponses.created(URI.create("/api/commitments/" + id), receipt);
    }

    @PostMapping(COMMITMENT + "/milestones")
    @ReadsBody(CommitmentRequests.MilestoneRequest.class)
    ResponseEntity<WriteReceipt> addMilestone(@PathVariable String commitmentId, @RequestBody JsonNode body,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommitmentRequests.MilestoneRequest request = reader.read(body, CommitmentRequests.MilestoneRequest.class);
        String milestoneId = request.id() != null ? validId(request.id(), "id") : Identifiers.random();
        return staff(commitmentId, new AddMilestone(commitmentId, version(ifMatch),
                new Milestone(milestoneId, request.title().strip(), request.dueDate())), null);
    }

    @PostMapping(COMMITMENT + "/milestones/{milestoneId}/rescheduling")
    @ReadsBody(CommitmentRequests.Rescheduling.class)
    ResponseEntity<WriteReceipt> reschedule(@PathVariable String commitmentId, @PathVariable String milestoneId,
                                            @RequestBody JsonNode body,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommitmentRequests.Rescheduling request = reader.read(body, CommitmentRequests.Rescheduling.class);
        return staff(commitmentId, new RescheduleMilestone(commitmentId, version(ifMatch), milestoneId,
                request.dueDate(), request.reason().strip()), request.reason().strip());
    }

    @PostMapping(COMMITMENT + "/milestones/{milestoneId}/achievement")
    @ReadsBody(CommitmentRequests.Achievement.class)
    ResponseEntity<WriteReceipt> achieve(@PathVariable String commitmentId, @PathVariable String milestoneId,
                                         @RequestBody JsonNode body,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommitmentRequests.Achievement request = reader.read(body, CommitmentRequests.Achievement.class);
        return staff(commitmentId, new AchieveMilestone(commitmentId, version(ifMatch), milestoneId,
                request.achievedOn(), list(request.evidence()), today()), null);
    }

    @PostMapping(COMMITMENT + "/progress")
    @ReadsBody(CommitmentRequests.Progress.class)
    ResponseEntity<WriteReceipt> reportProgress(@PathVariable String commitmentId, @RequestBody JsonNode body,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommitmentRequests.Progress request = reader.read(body, CommitmentRequests.Progress.class);
        String reason = Texts.optional(request.reason());
        return send(commitmentId, Role.MONITOR, new ReportProgress(commitmentId, version(ifMatch), request.status(),
                request.percentage(), Texts.optional(request.note()), list(request.evidence()),
                request.reportedFor() == null ? today() : request.reportedFor(), reason, today()), reason);
    }

    @PostMapping(COMMITMENT + "/revisions")
    @ReadsBody(CommitmentRequests.Revision.class)
    ResponseEntity<WriteReceipt> revise(@PathVariable String commitmentId, @RequestBody JsonNode body,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommitmentRequests.Revision request = reader.read(body, CommitmentRequests.Revision.class);
        return staff(commitmentId, new ReviseCommitment(commitmentId, version(ifMatch), request.part(),
                request.value().strip(), request.reason().strip()), request.reason().strip());
    }

    @PostMapping(COMMITMENT + "/reviews")
    @ReadsBody(CommitmentRequests.Review.class)
    ResponseEntity<WriteReceipt> review(@PathVariable String commitmentId, @RequestBody JsonNode body,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommitmentRequests.Review request = reader.read(body, CommitmentRequests.Review.class);
        return send(commitmentId, Role.MONITOR, new ReviewCommitment(commitmentId, version(ifMatch),
                request.assessment(), Texts.optional(request.note()),
                request.reviewedFor() == null ? today() : request.reviewedFor(), today()), null);
    }

    @PostMapping(COMMITMENT + "/co-signers")
    @ReadsBody(CommitmentRequests.CoSigner.class)
    ResponseEntity<WriteReceipt> addCoSigner(@PathVariable String commitmentId, @RequestBody JsonNode body,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommitmentRequests.CoSigner request = reader.read(body, CommitmentRequests.CoSigner.class);
        requireOrganisation(request.organisationId(), "organisationId");
        return staff(commitmentId, new AddCoSigner(commitmentId, version(ifMatch), request.organisationId()), null);
    }

    @PostMapping(COMMITMENT + "/co-signers/{organisationId}/withdrawal")
    @ReadsBody(CommitmentRequests.Reasoned.class)
    ResponseEntity<WriteReceipt> withdrawCoSigner(@PathVariable String commitmentId,
                                                  @PathVariable String organisationId, @RequestBody JsonNode body,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String reason = reader.read(body, CommitmentRequests.Reasoned.class).reason().strip();
        return staff(commitmentId, new WithdrawCoSigner(commitmentId, version(ifMatch), organisationId, reason),
                reason);
    }

    @PostMapping(COMMITMENT + "/fulfilment")
    @ReadsBody(CommitmentRequests.Fulfilment.class)
    ResponseEntity<WriteReceipt> fulfil(@PathVariable String commitmentId, @RequestBody JsonNode body,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommitmentRequests.Fulfilment request = reader.read(body, CommitmentRequests.Fulfilment.class);
        return staff(commitmentId, new FulfilCommitment(commitmentId, version(ifMatch),
                request.fulfilledOn() == null ? today() : request.fulfilledOn(), Texts.optional(request.note()),
                list(request.evidence()), today()), null);
    }

    @PostMapping(COMMITMENT + "/abandonment")
    @ReadsBody(CommitmentRequests.Reasoned.class)
    ResponseEntity<WriteReceipt> abandon(@PathVariable String commitmentId, @RequestBody JsonNode body,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String reason = reader.read(body, CommitmentRequests.Reasoned.class).reason().strip();
        return staff(commitmentId, new AbandonCommitment(commitmentId, version(ifMatch), reason), reason);
    }

    @PostMapping(COMMITMENT + "/reopening")
    @ReadsBody(CommitmentRequests.Reasoned.class)
    ResponseEntity<WriteReceipt> reopen(@PathVariable String commitmentId, @RequestBody JsonNode body,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String reason = reader.read(body, CommitmentRequests.Reasoned.class).reason().strip();
        return staff(commitmentId, new ReopenCommitment(commitmentId, version(ifMatch), reason), reason);
    }

    private ResponseEntity<WriteReceipt> staff(String commitmentId, Object command, String reason) {
        return send(commitmentId, Role.STAFF, command, reason);
    }

    private ResponseEntity<WriteReceipt> send(String commitmentId, Role role, Object command, String reason) {
        requests.requireExisting(commitmentId, Commitment.class);
        MetaData metaData = requests.metadata(role, reason);
        return WriteResponses.ok(commands.send(command, metaData));
    }

    /** The session and lessons a commitment names as its origin are ones the tracker holds. */
    private void requireOrigin(CommitmentRequests.Origin origin) {
        if (origin == null) {
            return;
        }
        if (origin.sessionId() != null && !directory.exists(origin.sessionId(), WorkingSession.class)) {
            throw new RuleViolationException("commitment-origin-exists", "origin.sessionId",
                    "no working session with this id");
        }
        List<String> lessons = list(origin.lessonIds());
        for (int i = 0; i < lessons.size(); i++) {
            if (!directory.exists(lessons.get(i), Lesson.class)) {
                throw new RuleViolationException("commitment-origin-exists", "origin.lessonIds[" + i + "]",
                        "no lesson with this id");
            }
        }
    }

    private void requireOrganisation(String organisationId, String field) {
        if (!directory.exists(organisationId, Organisation.class)) {
            throw new RuleViolationException("commitment-of-registered-organisations", field,
                    "a commitment names registered organisations; this one is not registered");
        }
    }

    private static List<Milestone> milestones(String commitmentId, List<CommitmentRequests.MilestoneRequest> given) {
        List<Milestone> milestones = new ArrayList<>();
        List<CommitmentRequests.MilestoneRequest> requested = given == null ? List.of() : given;
        for (int i = 0; i < requested.size(); i++) {
            CommitmentRequests.MilestoneRequest milestone = requested.get(i);
            String id = milestone.id() != null ? validId(milestone.id(), "milestones[" + i + "].id")
                    : Identifiers.derivedFrom("Milestone", commitmentId + "/" + i);
            milestones.add(new Milestone(id, milestone.title().strip(), milestone.dueDate()));
        }
        return milestones;
    }

    private static String validId(String id, String field) {
        if (!Identifiers.isValid(id)) {
            throw new InvalidRequestException(field, "must have 1 to 64 letters, digits, '-' or '_'");
        }
        return id;
    }

    private static Long version(String ifMatch) {
        return StaffRequests.expectedVersion(ifMatch);
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.CLUJ));
    }
}
