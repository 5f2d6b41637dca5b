package ro.cluj.crt.events.organisation;

import ro.cluj.crt.events.EventRevision;
import ro.cluj.crt.events.person.ContactDetails;
import ro.cluj.crt.events.person.PersonId;

/** Staff changed a contact person's details; {@code details} are the whole new details. */
@EventRevision("1")
public record ContactPersonChanged(OrganisationId organisationId, PersonId personId, ContactDetails details) {
}
