package ro.cluj.crt.command.interview;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RetractInterview(@TargetAggregateIdentifier String interviewId,
                               @TargetAggregateVersion Long expectedVersion, String reason) {
}
