package ro.cluj.crt.command.interview;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.command.config.Clocks;
import ro.cluj.crt.command.organisation.Organisation;
import ro.cluj.crt.command.write.AggregateDirectory;
import ro.cluj.crt.command.write.CommandSender;
import ro.cluj.crt.command.write.ExternalReferenceRequest;
import ro.cluj.crt.command.write.StaffRequests;
import ro.cluj.crt.command.write.WriteResponses;
import ro.cluj.crt.events.ExternalReference;
import ro.cluj.crt.events.api.WriteReceipt;
import ro.cluj.crt.support.api.ReadsBody;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.RequestReader;
import ro.cluj.crt.support.web.RuleViolationException;

/** Staff record interviews, amend them and retract them. */
@RestController
class InterviewController {

    private final RequestReader reader;
    private final StaffRequests staff;
    private final CommandSender commands;
    private final AggregateDirectory directory;
    private final Clock clock;

    InterviewController(RequestReader reader, StaffRequests staff, CommandSender commands,
                        AggregateDirectory directory, Clock clock) {
        this.reader = reader;
        this.staff = staff;
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
    }

    /** The organisation is named in the path: an unknown one is 404. */
    @PostMapping("/api/organisations/{organisationId}/interviews")
    @ReadsBody(InterviewRequests.Recording.class)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<WriteReceipt> recordFor(@PathVariable String organisationId, @RequestBody JsonNode body,
                                           @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        InterviewRequests.Recording request = reader.read(body, InterviewRequests.Recording.class);
        if (request.organisationId() != null && !request.organisationId().equals(organisationId)) {
            throw new InvalidRequestException("organisationId", "differs from the organisation in the path");
        }
        staff.requireExisting(organisationId, Organisation.class);
        return record(organisationId, request, key);
    }

    /** The organisation is named in the body: an unknown one breaks a rule (422). */
    @PostMapping("/api/interviews")
    @ReadsBody(InterviewRequests.Recording.class)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<WriteReceipt> record(@RequestBody JsonNode body,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        InterviewRequests.Recording request = reader.read(body, InterviewRequests.Recording.class);
        if (request.organisationId() == null) {
            throw new InvalidRequestException("organisationId", "is required");
        }
        if (!directory.exists(request.organisationId(), Organisation.class)) {
            throw new RuleViolationException("interview-of-registered-organisation", "organisationId",
                    "an interview belongs to a registered organisation; this one is not registered");
        }
        return record(request.organisationId(), request, key);
    }

    @PostMapping("/api/interviews/{interviewId}/amendments")
    @ReadsBody(InterviewRequests.Amendment.class)
    ResponseEntity<WriteReceipt> amend(@PathVariable String interviewId, @RequestBody JsonNode body,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        InterviewRequests.Amendment request = reader.read(body, InterviewRequests.Amendment.class);
        staff.requireExisting(interviewId, Interview.class);
        AmendInterview command = new AmendInterview(interviewId, StaffRequests.expectedVersion(ifMatch),
                InterviewRequests.toContent(request, interviewId), request.reason().strip(), today());
        return WriteResponses.ok(commands.send(command, staff.metadata(command.reason())));
    }

    @PostMapping("/api/interviews/{interviewId}/retraction")
    @ReadsBody(InterviewRequests.Retraction.class)
    ResponseEntity<WriteReceipt> retract(@PathVariable String interviewId, @RequestBody JsonNode body,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        InterviewRequests.Retraction request = reader.read(body, InterviewRequests.Retraction.class);
        staff.requireExisting(interviewId, Interview.class);
        RetractInterview command = new RetractInterview(interviewId, StaffRequests.expectedVersion(ifMatch),
                request.reason().strip());
        return WriteResponses.ok(commands.send(command, staff.metadata(command.reason())));
    }

    private ResponseEntity<WriteReceipt> record(String organisationId, InterviewRequests.Recording request,
                                                String key) {
        ExternalReference reference = ExternalReferenceRequest.toReference(request.externalReference());
        String id = staff.idForCreate(Interview.class, request.id(), reference == null ? null : reference.key(), key);
        RecordInterview command = new RecordInterview(id, organisationId, InterviewRequests.toContent(request, id),
                reference, today());
        WriteReceipt receipt = commands.send(command, staff.metadata(null));
        return WriteResponses.created(URI.create("/api/interviews/" + id), receipt);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.CLUJ));
    }
}
