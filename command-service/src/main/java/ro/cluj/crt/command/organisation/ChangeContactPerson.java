package ro.cluj.crt.command.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import ro.cluj.crt.events.person.ContactDetails;

public record ChangeContactPerson(@TargetAggregateIdentifier String organisationId,
                                  @TargetAggregateVersion Long expectedVersion, String personId,
                                  ContactDetails details) {
}
