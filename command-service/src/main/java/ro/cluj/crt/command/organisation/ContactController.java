package ro.cluj.crt.command.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.command.write.CommandSender;
import ro.cluj.crt.command.write.Reasons;
import ro.cluj.crt.command.write.StaffRequests;
import ro.cluj.crt.command.write.Texts;
import ro.cluj.crt.events.Identifiers;
import ro.cluj.crt.events.api.ContactWriteReceipt;
import ro.cluj.crt.events.organisation.ContactPersonRecorded;
import ro.cluj.crt.events.person.ContactDetails;
import ro.cluj.crt.events.person.PersonId;
import ro.cluj.crt.events.person.Sealed;
import ro.cluj.crt.personal.PersonalDataVault;
import ro.cluj.crt.personal.Revealed;
import ro.cluj.crt.support.api.ReadsBody;
import ro.cluj.crt.support.security.Actor;
import ro.cluj.crt.support.web.ConflictException;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;
import ro.cluj.crt.support.web.RequestReader;

/**
 * Staff record, change and remove an organisation's contact people. Every personal field is sealed with the person's
 * key here, before the command exists, so that commands, aggregates and events never hold a personal value.
 */
@RestController
class ContactController {

    private static final int MAX_KEY_LENGTH = 200;

    private final RequestReader reader;
    private final StaffRequests staff;
    private final CommandSender commands;
    private final PersonalDataVault vault;
    private final TransactionTemplate transaction;
    private final EventStore events;

    ContactController(RequestReader reader, StaffRequests staff, CommandSender commands, PersonalDataVault vault,
                      PlatformTransactionManager transactions, EventStore events) {
        this.reader = reader;
        this.staff = staff;
        this.commands = commands;
        this.vault = vault;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
    }

    /**
     * A contact person's details. {@code personId} names a person the tracker already knows (one person has one id
     * across the tracker); without it the person is new.
     */
    record Contact(String personId, @NotBlank @Size(max = 500) String name, @Size(max = 500) String role,
                   @Email @Size(max = 320) String email,
                   @Size(max = 50) @Pattern(regexp = "[0-9 +()./-]*") String phone,
                   @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") String preferredLanguage) {
    }

    record Removal(@NotBlank @Size(max = Reasons.MAX_LENGTH) String reason) {
    }

    /**
     * Records a contact person. The person's key is created in the same transaction as the event, so that a refused
     * write leaves no key (and no person to erase) behind. With an {@code Idempotency-Key} the person's id is derived
     * from the key (and the caller and organisation), so that a repeat finds the contact the first request recorded:
     * with the same details it answers as the first time, with other details it is a 409.
     */
    @PostMapping("/api/organisations/{organisationId}/contacts")
    @ReadsBody(Contact.class)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ContactWriteReceipt> record(@PathVariable String organisationId, @RequestBody JsonNode body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Contact contact = reader.read(body, Contact.class);
        staff.requireExisting(organisationId, Organisation.class);
        String personId = personIdForCreate(organisationId, contact.personId(), key);
        ContactWriteReceipt receipt = key == null ? null : firstRecording(organisationId, personId, contact);
        if (receipt == null) {
            receipt = transaction.execute(status -> ContactWriteReceipt.of(personId, commands.send(
                    new RecordContactPerson(organisationId, personId,
                            seal(vault.sealerForNewPerson(PersonId.of(personId)), contact)),
                    staff.metadata(null))));
        }
        return ResponseEntity.created(URI.create("/api/organisations/" + organisationId + "/contacts/" + personId))
                .eTag(etag(receipt)).body(receipt);
    }

    private static String personIdForCreate(String organisationId, String clientId, String key) {
        if (key == null) {
            return clientId != null ? validPersonId(clientId) : Identifiers.random();
        }
        if (clientId != null) {
            throw new InvalidRequestException("Idempotency-Key", "give either an Idempotency-Key or a personId, "
                    + "not both");
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new InvalidRequestException("Idempotency-Key", "must have 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String actor = Actor.current().map(Actor::accountId).orElse("");
        return Identifiers.derivedFrom("ContactPerson", "key:" + actor + ":" + organisationId + ":" + key);
    }

    /**
     * The answer the first request with this key got, or null when there was none: the organisation's recording of
     * the person, whose sealed details are opened and compared with the repeat's (a 409 when they differ, or when
     * the person has been erased since).
     */
    private ContactWriteReceipt firstRecording(String organisationId, String personId, Contact contact) {
        DomainEventStream stream = events.readEvents(organisationId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof ContactPersonRecorded recorded
                    && recorded.personId().value().equals(personId)) {
                if (!sameDetails(recorded.details(), personId, contact)) {
                    throw new ConflictException("taken", "the Idempotency-Key was used for other details");
                }
                return ContactWriteReceipt.of(personId, commands.receiptOf(organisationId, event.getSequenceNumber()));
            }
        }
        return null;
    }

    private boolean sameDetails(ContactDetails stored, String personId, Contact contact) {
        PersonalDataVault.Opener opener = vault.openerFor(PersonId.of(personId));
        List<Sealed> sealed = Arrays.asList(stored.name(), stored.role(), stored.email(), stored.phone(),
                stored.preferredLanguage());
        List<String> sent = Arrays.asList(contact.name().strip(), Texts.optional(contact.role()),
                Texts.optional(contact.email()), Texts.optional(contact.phone()),
                Texts.optional(contact.preferredLanguage()));
        for (int i = 0; i < sealed.size(); i++) {
            Revealed opened = sealed.get(i) == null ? null : opener.open(sealed.get(i));
            if (opened instanceof Revealed.Erased) {
                throw new ConflictException("erased", "the person recorded with this Idempotency-Key was erased");
            }
            String text = opened instanceof Revealed.Value value ? value.text() : null;
            if (!Objects.equals(text, sent.get(i))) {
                return false;
            }
        }
        return true;
    }

    @PutMapping("/api/organisations/{organisationId}/contacts/{personId}")
    @ReadsBody(Contact.class)
    ResponseEntity<ContactWriteReceipt> change(@PathVariable String organisationId, @PathVariable String personId,
                                               @RequestBody JsonNode body,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Contact contact = reader.read(body, Contact.class);
        if (contact.personId() != null && !contact.personId().equals(personId)) {
            throw new InvalidRequestException("personId", "differs from the person in the path");
        }
        staff.requireExisting(organisationId, Organisation.class);
        PersonalDataVault.Sealer sealer = vault.sealerFor(PersonId.of(validPersonId(personId)))
                .orElseThrow(() -> new NotFoundException("this person is not a contact of the organisation"));
        ChangeContactPerson command = new ChangeContactPerson(organisationId, StaffRequests.expectedVersion(ifMatch),
                personId, seal(sealer, contact));
        ContactWriteReceipt receipt = ContactWriteReceipt.of(personId, commands.send(command, staff.metadata(null)));
        return ResponseEntity.ok().eTag(etag(receipt)).body(receipt);
    }

    @PostMapping("/api/organisations/{organisationId}/contacts/{personId}/removal")
    @ReadsBody(Removal.class)
    ResponseEntity<ContactWriteReceipt> remove(@PathVariable String organisationId, @PathVariable String personId,
                                               @RequestBody JsonNode body,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Removal removal = reader.read(body, Removal.class);
        staff.requireExisting(organisationId, Organisation.class);
        RemoveContactPerson command = new RemoveContactPerson(organisationId, StaffRequests.expectedVersion(ifMatch),
                personId, removal.reason().strip());
        ContactWriteReceipt receipt = ContactWriteReceipt.of(personId,
                commands.send(command, staff.metadata(command.reason())));
        return ResponseEntity.ok().eTag(etag(receipt)).body(receipt);
    }

    private static ContactDetails seal(PersonalDataVault.Sealer sealer, Contact contact) {
        return new ContactDetails(sealer.seal(contact.name().strip()), sealer.seal(Texts.optional(contact.role())),
                sealer.seal(Texts.optional(contact.email())), sealer.seal(Texts.optional(contact.phone())),
                sealer.seal(Texts.optional(contact.preferredLanguage())));
    }

    private static String validPersonId(String personId) {
        if (!Identifiers.isValid(personId)) {
            throw new InvalidRequestException("personId", "must have 1 to 64 letters, digits, '-' or '_'");
        }
        return personId;
    }

    private static String etag(ContactWriteReceipt receipt) {
        return "\"" + receipt.version() + "\"";
    }
}
