package ro.cluj.crt.command.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ErasePerson(@TargetAggregateIdentifier String personId, String requestReference) {
}
