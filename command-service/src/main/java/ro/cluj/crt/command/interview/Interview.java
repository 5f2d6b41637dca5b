package ro.cluj.crt.command.interview;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.cluj.crt.command.write.CommandOutcome;
import ro.cluj.crt.command.write.Reasons;
import ro.cluj.crt.events.ExternalReference;
import ro.cluj.crt.events.interview.InterviewAmended;
import ro.cluj.crt.events.interview.InterviewContent;
import ro.cluj.crt.events.interview.InterviewId;
import ro.cluj.crt.events.interview.InterviewRecorded;
import ro.cluj.crt.events.interview.InterviewRetracted;
import ro.cluj.crt.events.organisation.OrganisationId;
import ro.cluj.crt.events.vocabulary.Channel;
import ro.cluj.crt.events.vocabulary.Consent;
import ro.cluj.crt.support.web.ConflictException;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.RuleViolationException;

/**
 * An interview with an organisation about its emergency measures. It can be amended (with a reason) until it is
 * retracted (with a reason); every version stays in the history.
 */
@Aggregate
public class Interview {

    @AggregateIdentifier
    private String interviewId;
    private String organisationId;
    private InterviewContent recordedContent;
    private ExternalReference externalReference;
    private boolean retracted;

    protected Interview() {
        // for Axon: an interview is rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RecordInterview command) {
        if (interviewId != null) {
            return repeated(command);
        }
        check(command.content(), command.today());
        apply(new InterviewRecorded(InterviewId.of(command.interviewId()), OrganisationId.of(command.organisationId()),
                command.content(), command.externalReference()));
        return null;
    }

    @CommandHandler
    public void handle(AmendInterview command) {
        Reasons.require(command.reason());
        requireNotRetracted("amended");
        check(command.content(), command.today());
        apply(new InterviewAmended(InterviewId.of(interviewId), OrganisationId.of(organisationId), command.content(),
                command.reason()));
    }

    @CommandHandler
    public void handle(RetractInterview command) {
        Reasons.require(command.reason());
        requireNotRetracted("retracted again");
        apply(new InterviewRetracted(InterviewId.of(interviewId), OrganisationId.of(organisationId),
                command.reason()));
    }

    private CommandOutcome repeated(RecordInterview command) {
        if (!command.organisationId().equals(organisationId) || !command.content().equals(recordedContent)
                || !Objects.equals(command.externalReference(), externalReference)) {
            throw new ConflictException("recorded", "an interview with this id was recorded with different content");
        }
        return new CommandOutcome.Repeated(interviewId);
    }

    private void requireNotRetracted(String change) {
        if (retracted) {
            throw new ConflictException("retracted", "the interview is retracted and cannot be " + change);
        }
    }

    private static void check(InterviewContent content, LocalDate today) {
        if (content.date().isAfter(today)) {
            throw new InvalidRequestException("date", "must not be in the future (Cluj time)");
        }
        if (content.channel() == Channel.PUBLISHED_SOURCE) {
            if (content.source() == null) {
                throw new RuleViolationException("published-source-named", "source",
                        "an interview documented from a published source names the source");
            }
            if (content.consent() != Consent.PUBLISH) {
                throw new RuleViolationException("published-source-is-public", "consent",
                        "data documented from a published source is public by its nature: consent is 'publish'");
            }
        }
    }

    @EventSourcingHandler
    void on(InterviewRecorded event) {
        interviewId = event.interviewId().value();
        organisationId = event.organisationId().value();
        recordedContent = event.content();
        externalReference = event.externalReference();
    }

    @EventSourcingHandler
    void on(InterviewRetracted event) {
        retracted = true;
    }
}
