package ro.cluj.crt.events.organisation;

import ro.cluj.crt.events.EventRevision;
import ro.cluj.crt.events.person.ContactDetails;
import ro.cluj.crt.events.person.PersonId;

/** Staff recorded a contact person of an organisation. */
@EventRevision("1")
public record ContactPersonRecorded(OrganisationId organisationId, PersonId personId, ContactDetails details) {
}
