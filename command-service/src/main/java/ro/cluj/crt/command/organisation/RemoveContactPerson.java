package ro.cluj.crt.command.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RemoveContactPerson(@TargetAggregateIdentifier String organisationId,
                                  @TargetAggregateVersion Long expectedVersion, String personId, String reason) {
}
