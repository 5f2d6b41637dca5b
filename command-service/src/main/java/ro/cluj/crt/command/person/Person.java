package ro.cluj.crt.command.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.cluj.crt.events.person.PersonErased;
import ro.cluj.crt.events.person.PersonId;
import ro.cluj.crt.support.web.ConflictException;
import ro.cluj.crt.support.web.InvalidRequestException;

/**
 * A person as far as the tracker's own history of them goes: for now, that they were erased. Their personal values
 * live sealed in other aggregates' events; erasing destroys the key that opens them.
 */
@Aggregate
public class Person {

    @AggregateIdentifier
    private String personId;
    private boolean erased;

    protected Person() {
        // for Axon: a person is rebuilt from their events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ErasePerson command) {
        if (command.requestReference() == null || command.requestReference().isBlank()) {
            throw new InvalidRequestException("requestReference", "is required");
        }
        if (erased) {
            throw new ConflictException("erased", "this person's personal data was already erased");
        }
        apply(new PersonErased(PersonId.of(command.personId()), command.requestReference()));
    }

    @EventSourcingHandler
    void on(PersonErased event) {
        personId = event.personId().value();
        erased = true;
    }
}
