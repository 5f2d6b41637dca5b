package ro.cluj.crt.command.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import ro.cluj.crt.events.organisation.OrganisationDetails;

/** @param expectedVersion the version the correction was based on, or null to apply it after whatever came before */
public record CorrectOrganisationDetails(@TargetAggregateIdentifier String organisationId,
                                         @TargetAggregateVersion Long expectedVersion, OrganisationDetails details,
                                         String reason) {
}
