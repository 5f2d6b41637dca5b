package ro.cluj.crt.events.organisation;

import ro.cluj.crt.events.EventRevision;
import ro.cluj.crt.events.ExternalReference;

/** Staff registered an organisation. {@code externalReference} is present when it was imported from a source. */
@EventRevision("1")
public record OrganisationRegistered(OrganisationId organisationId, OrganisationDetails details,
                                     ExternalReference externalReference) {
}
