package ro.cluj.crt.command.person;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.command.write.CommandSender;
import ro.cluj.crt.command.write.StaffRequests;
import ro.cluj.crt.command.write.WriteResponses;
import ro.cluj.crt.events.Identifiers;
import ro.cluj.crt.events.api.WriteReceipt;
import ro.cluj.crt.events.person.PersonId;
import ro.cluj.crt.personal.PersonalDataVault;
import ro.cluj.crt.support.api.ReadsBody;
import ro.cluj.crt.support.security.Role;
import ro.cluj.crt.support.web.NotFoundException;
import ro.cluj.crt.support.web.RequestReader;

/** An admin erases a person's personal data at the person's request. */
@RestController
class ErasureController {

    private final RequestReader reader;
    private final StaffRequests requests;
    private final CommandSender commands;
    private final PersonalDataVault vault;

    ErasureController(RequestReader reader, StaffRequests requests, CommandSender commands, PersonalDataVault vault) {
        this.reader = reader;
        this.requests = requests;
        this.commands = commands;
        this.vault = vault;
    }

    /**
     * @param requestReference the reference of the person's request (a ticket or letter number), kept in clear with
     *                         the erasure: one word of letters, digits and {@code . _ / # : -}, so that no name fits
     */
    record Erasure(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._/#:-]+",
            message = "must be a reference number: letters, digits and . _ / # : - without spaces")
                   String requestReference) {
    }

    @PostMapping("/api/admin/persons/{personId}/erasure")
    @ReadsBody(Erasure.class)
    ResponseEntity<WriteReceipt> erase(@PathVariable String personId, @RequestBody JsonNode body) {
        Erasure erasure = reader.read(body, Erasure.class);
        if (!Identifiers.isValid(personId) || !vault.knows(PersonId.of(personId))) {
            throw new NotFoundException("the tracker holds no personal data of a person with this id");
        }
        String reference = erasure.requestReference().strip();
        MetaData metaData = requests.metadata(Role.ADMIN, "erasure requested: " + reference);
        return WriteResponses.ok(commands.send(new ErasePerson(personId, reference), metaData));
    }
}
