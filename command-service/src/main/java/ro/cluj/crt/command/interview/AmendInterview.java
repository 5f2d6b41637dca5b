package ro.cluj.crt.command.interview;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import ro.cluj.crt.events.interview.InterviewContent;

public record AmendInterview(@TargetAggregateIdentifier String interviewId,
                             @TargetAggregateVersion Long expectedVersion, InterviewContent content, String reason,
                             LocalDate today) {
}
