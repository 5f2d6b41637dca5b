package ro.cluj.crt.command.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.command.write.CommandSender;
import ro.cluj.crt.command.write.ExternalReferenceRequest;
import ro.cluj.crt.command.write.StaffRequests;
import ro.cluj.crt.command.write.WriteResponses;
import ro.cluj.crt.events.ExternalReference;
import ro.cluj.crt.events.api.WriteReceipt;
import ro.cluj.crt.support.api.ReadsBody;
import ro.cluj.crt.support.web.RequestReader;

/** Staff register organisations and correct their details. */
@RestController
@RequestMapping("/api/organisations")
class OrganisationController {

    private final RequestReader reader;
    private final StaffRequests staff;
    private final CommandSender commands;

    OrganisationController(RequestReader reader, StaffRequests staff, CommandSender commands) {
        this.reader = reader;
        this.staff = staff;
        this.commands = commands;
    }

    @PostMapping
    @ReadsBody(OrganisationRequests.Registration.class)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<WriteReceipt> register(@RequestBody JsonNode body,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        OrganisationRequests.Registration request = reader.read(body, OrganisationRequests.Registration.class);
        ExternalReference reference = ExternalReferenceRequest.toReference(request.externalReference());
        String id = staff.idForCreate(Organisation.class, request.id(),
                reference == null ? null : reference.key(), key);
        WriteReceipt receipt = commands.send(new RegisterOrganisation(id, request.details(), reference),
                staff.metadata(null));
        return WriteResponses.created(URI.create("/api/organisations/" + id), receipt);
    }

    @PostMapping("/{organisationId}/corrections")
    @ReadsBody(OrganisationRequests.Correction.class)
    ResponseEntity<WriteReceipt> correct(@PathVariable String organisationId, @RequestBody JsonNode body,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        OrganisationRequests.Correction request = reader.read(body, OrganisationRequests.Correction.class);
        staff.requireExisting(organisationId, Organisation.class);
        WriteReceipt receipt = commands.send(new CorrectOrganisationDetails(organisationId,
                        StaffRequests.expectedVersion(ifMatch), request.details(), request.reason()),
                staff.metadata(request.reason()));
        return WriteResponses.ok(receipt);
    }
}
