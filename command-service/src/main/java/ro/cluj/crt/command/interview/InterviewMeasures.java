package ro.cluj.crt.command.interview;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import ro.cluj.crt.command.write.AggregateDirectory;
import ro.cluj.crt.events.interview.InterviewAmended;
import ro.cluj.crt.events.interview.InterviewContent;
import ro.cluj.crt.events.interview.InterviewRecorded;
import ro.cluj.crt.events.interview.InterviewRetracted;
import ro.cluj.crt.events.interview.Measure;

/**
 * Which measures an interview holds now, read from its events in the store. Other features that trace to interviews
 * and measures (lessons) ask here before they send a command, so that their aggregates stay free of I/O.
 */
@Component
public class InterviewMeasures {

    private final AggregateDirectory directory;
    private final EventStore events;

    public InterviewMeasures(AggregateDirectory directory, EventStore events) {
        this.directory = directory;
        this.events = events;
    }

    /** What is known of an interview: whether it is retracted, and the ids of the measures of its latest content. */
    public record Known(boolean retracted, Set<String> measureIds) {
    }

    /** The interview with this id, or empty if no interview has it. */
    public Optional<Known> find(String interviewId) {
        if (!directory.exists(interviewId, Interview.class)) {
            return Optional.empty();
        }
        Set<String> measureIds = Set.of();
        boolean retracted = false;
        DomainEventStream stream = events.readEvents(interviewId);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            switch (payload) {
                case InterviewRecorded recorded -> measureIds = ids(recorded.content());
                case InterviewAmended amended -> measureIds = ids(amended.content());
                case InterviewRetracted ignored -> retracted = true;
                default -> { }
            }
        }
        return Optional.of(new Known(retracted, measureIds));
    }

    private static Set<String> ids(InterviewContent content) {
        Set<String> ids = new HashSet<>();
        content.measures().stream().map(Measure::measureId).forEach(ids::add);
        return Set.copyOf(ids);
    }
}
