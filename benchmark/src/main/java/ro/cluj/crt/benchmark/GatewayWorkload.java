package ro.cluj.crt.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import ro.cluj.crt.command.config.Clocks;
import ro.cluj.crt.command.interview.RecordInterview;
import ro.cluj.crt.command.write.CommandOutcome;
import ro.cluj.crt.command.write.FreshIds;
import ro.cluj.crt.events.EventMetadata;
import ro.cluj.crt.events.Identifiers;
import ro.cluj.crt.events.interview.InterviewContent;
import ro.cluj.crt.events.interview.Measure;
import ro.cluj.crt.support.security.Role;

/**
 * Figure 2: the same interviews recorded by {@code sendAndWait} on the service's own {@link CommandGateway}, inside
 * its JVM, with the metadata the API would attach and new ids drawn as the API draws them ({@link FreshIds}). No
 * HTTP, JSON, security or existence checks: what is left is the command bus, the aggregate and Axon's event store.
 */
final class GatewayWorkload {

    private final CommandGateway gateway;
    private final FreshIds ids;
    private final String organisationId;
    private final InterviewContent content;
    private final String accountId;

    /**
     * @param content   the content of an interview recorded through the API, so that the events have the same size
     * @param accountId the account the API clients act as
     */
    GatewayWorkload(ServiceUnderTest service, String organisationId, InterviewContent content, String accountId) {
        this.gateway = service.bean(CommandGateway.class);
        this.ids = service.bean(FreshIds.class);
        this.organisationId = organisationId;
        this.content = content;
        this.accountId = accountId;
    }

    List<Operation> workers(int count) {
        List<Operation> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            workers.add(this::recordOne);
        }
        return workers;
    }

    private void recordOne() {
        String interviewId = ids.draw();
        RecordInterview command = new RecordInterview(interviewId, organisationId, contentFor(interviewId), null,
                LocalDate.now(Clocks.CLUJ));
        MetaData metaData = MetaData.with(EventMetadata.ACTOR_ID, accountId)
                .and(EventMetadata.ACTOR_ROLE, Role.STAFF.code())
                .and(EventMetadata.CORRELATION_ID, Identifiers.random());
        Object outcome = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        if (!(outcome instanceof CommandOutcome.Applied)) {
            throw new IllegalStateException("RecordInterview answered " + outcome);
        }
    }

    /** The content with measure ids derived from the new interview, as the API derives them. */
    private InterviewContent contentFor(String interviewId) {
        List<Measure> measures = IntStream.range(0, content.measures().size())
                .mapToObj(i -> withId(content.measures().get(i), Identifiers.derivedFrom("Measure",
                        interviewId + "/" + i)))
                .toList();
        return new InterviewContent(content.date(), content.channel(), measures, content.supportNeeds(),
                content.supportOffer(), content.lessons(), content.consent(), content.source());
    }

    private static Measure withId(Measure m, String id) {
        return new Measure(id, m.title(), m.field(), m.fieldDetail(), m.description(), m.targetGroups(),
                m.startDate(), m.endDate(), m.partners(), m.reach(), m.industries(), m.evidence());
    }
}
