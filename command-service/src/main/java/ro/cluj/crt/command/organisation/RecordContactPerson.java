package ro.cluj.crt.command.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.cluj.crt.events.person.ContactDetails;

/** @param details already sealed with the person's key: commands and aggregates never hold personal values */
public record RecordContactPerson(@TargetAggregateIdentifier String organisationId, String personId,
                                  ContactDetails details) {
}
