package ro.cluj.crt.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.cluj.crt.command.write.CommandOutcome;
import ro.cluj.crt.command.write.Reasons;
import ro.cluj.crt.events.ExternalReference;
import ro.cluj.crt.events.organisation.ContactPersonChanged;
import ro.cluj.crt.events.organisation.ContactPersonRecorded;
import ro.cluj.crt.events.organisation.ContactPersonRemoved;
import ro.cluj.crt.events.organisation.OrganisationDetails;
import ro.cluj.crt.events.organisation.OrganisationDetailsCorrected;
import ro.cluj.crt.events.organisation.OrganisationId;
import ro.cluj.crt.events.organisation.OrganisationRegistered;
import ro.cluj.crt.events.person.PersonId;
import ro.cluj.crt.events.vocabulary.Sector;
import ro.cluj.crt.support.web.ConflictException;
import ro.cluj.crt.support.web.NotFoundException;
import ro.cluj.crt.support.web.RuleViolationException;

/**
 * An organisation the tracker documents, with its contact people. Its details can be corrected; nothing is ever
 * removed from its history.
 */
@Aggregate
public class Organisation {

    @AggregateIdentifier
    private String organisationId;
    private OrganisationDetails registeredDetails;
    private ExternalReference externalReference;
    private final Set<String> contactPersons = new HashSet<>();

    protected Organisation() {
        // for Axon: an organisation is rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RegisterOrganisation command) {
        if (organisationId != null) {
            return repeated(command);
        }
        checkAuthorityLevel(command.details());
        apply(new OrganisationRegistered(OrganisationId.of(command.organisationId()), command.details(),
                command.externalReference()));
        return null;
    }

    @CommandHandler
    public void handle(CorrectOrganisationDetails command) {
        Reasons.require(command.reason());
        checkAuthorityLevel(command.details());
        apply(new OrganisationDetailsCorrected(OrganisationId.of(organisationId), command.details(),
                command.reason()));
    }

    @CommandHandler
    public void handle(RecordContactPerson command) {
        if (contactPersons.contains(command.personId())) {
            throw new ConflictException("contact-recorded", "this person is already a contact of the organisation");
        }
        apply(new ContactPersonRecorded(OrganisationId.of(organisationId), PersonId.of(command.personId()),
                command.details()));
    }

    @CommandHandler
    public void handle(ChangeContactPerson command) {
        requireContact(command.personId());
        apply(new ContactPersonChanged(OrganisationId.of(organisationId), PersonId.of(command.personId()),
                command.details()));
    }

    @CommandHandler
    public void handle(RemoveContactPerson command) {
        Reasons.require(command.reason());
        requireContact(command.personId());
        apply(new ContactPersonRemoved(OrganisationId.of(organisationId), PersonId.of(command.personId()),
                command.reason()));
    }

    private void requireContact(String personId) {
        if (!contactPersons.contains(personId)) {
            throw new NotFoundException("this person is not a contact of the organisation");
        }
    }

    private CommandOutcome repeated(RegisterOrganisation command) {
        if (!command.details().equals(registeredDetails)
                || !Objects.equals(command.externalReference(), externalReference)) {
            throw new ConflictException("registered",
                    "an organisation with this id was registered with different details");
        }
        return new CommandOutcome.Repeated(organisationId);
    }

    private static void checkAuthorityLevel(OrganisationDetails details) {
        if (details.authorityLevel() != null && details.sector() != Sector.PUBLIC_AUTHORITY) {
            throw new RuleViolationException("authority-level-only-for-public-authorities", "authorityLevel",
                    "only a public authority has a level");
        }
    }

    @EventSourcingHandler
    void on(OrganisationRegistered event) {
        organisationId = event.organisationId().value();
        registeredDetails = event.details();
        externalReference = event.externalReference();
    }

    @EventSourcingHandler
    void on(ContactPersonRecorded event) {
        contactPersons.add(event.personId().value());
    }

    @EventSourcingHandler
    void on(ContactPersonRemoved event) {
        contactPersons.remove(event.personId().value());
    }
}
