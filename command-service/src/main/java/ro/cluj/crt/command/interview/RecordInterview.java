package ro.cluj.crt.command.interview;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.cluj.crt.events.ExternalReference;
import ro.cluj.crt.events.interview.InterviewContent;

/** @param today the date in Cluj when the command was sent, against which "not in the future" is judged */
public record RecordInterview(@TargetAggregateIdentifier String interviewId, String organisationId,
                              InterviewContent content, ExternalReference externalReference, LocalDate today) {
}
