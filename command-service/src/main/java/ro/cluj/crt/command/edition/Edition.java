package ro.cluj.crt.command.edition;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.cluj.crt.command.write.CommandOutcome;
import ro.cluj.crt.events.edition.EditionPublished;
import ro.cluj.crt.support.web.ConflictException;

/**
 * A weekly edition. Its id follows from its number, so an edition number is published once: the same request again
 * answers as the first time, other content under a published number is a conflict. Nothing changes an edition after
 * it is published; a correction is a new edition.
 */
@Aggregate
public class Edition {

    @AggregateIdentifier
    private String editionId;
    private PublishEdition published;

    protected Edition() {
        // for Axon: an edition is rebuilt from its event
    }

    /** Publishes the edition, or answers a repeat of the same request as the first time (null: events applied). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(PublishEdition command) {
        if (editionId != null) {
            if (!command.sameAs(published)) {
                throw new ConflictException("published", "edition " + command.number()
                        + " is already published with other content; publish a correction as a new edition");
            }
            return new CommandOutcome.Repeated(editionId);
        }
        AggregateLifecycle.apply(new EditionPublished(command.editionId(), command.number(), command.publishedOn(),
                command.weekOf(), command.title(), command.note(), command.corrects(), command.reason()));
        return null;
    }

    @EventSourcingHandler
    void on(EditionPublished event) {
        editionId = event.editionId();
        published = new PublishEdition(event.editionId(), event.number(), event.publishedOn(), event.weekOf(),
                event.title(), event.note(), event.corrects(), event.reason());
    }
}
