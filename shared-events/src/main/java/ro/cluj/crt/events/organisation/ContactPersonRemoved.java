package ro.cluj.crt.events.organisation;

import ro.cluj.crt.events.EventRevision;
import ro.cluj.crt.events.person.PersonId;

/** Staff removed a contact person from an organisation; the person and their history stay. */
@EventRevision("1")
public record ContactPersonRemoved(OrganisationId organisationId, PersonId personId, String reason) {
}
