package ro.cluj.crt.command.edition;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publishes weekly edition {@code number}; see {@link ro.cluj.crt.events.edition.EditionPublished}. */
public record PublishEdition(@TargetAggregateIdentifier String editionId, int number, LocalDate publishedOn,
                             LocalDate weekOf, String title, String note, Integer corrects, String reason) {

    /** The same edition asked for again: everything but the day it is asked on. */
    boolean sameAs(PublishEdition other) {
        return other != null && number == other.number && Objects.equals(weekOf, other.weekOf)
                && title.equals(other.title) && Objects.equals(note, other.note)
                && Objects.equals(corrects, other.corrects) && Objects.equals(reason, other.reason);
    }
}
