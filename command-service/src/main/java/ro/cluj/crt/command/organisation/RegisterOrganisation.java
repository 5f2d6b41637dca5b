package ro.cluj.crt.command.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.cluj.crt.events.ExternalReference;
import ro.cluj.crt.events.organisation.OrganisationDetails;

public record RegisterOrganisation(@TargetAggregateIdentifier String organisationId, OrganisationDetails details,
                                   ExternalReference externalReference) {
}
