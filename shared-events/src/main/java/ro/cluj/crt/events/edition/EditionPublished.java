package ro.cluj.crt.events.edition;

import java.time.LocalDate;
import ro.cluj.crt.events.EventRevision;

/**
 * Staff published weekly edition {@code number}: a frozen snapshot of the public report as it stands at this event's
 * place in the history. The snapshot is not in the event; it is the report computed from every earlier event, so
 * that anyone replaying the history gets the same edition, byte for byte. A correction names the edition it corrects
 * and why; the corrected edition itself never changes.
 *
 * @param weekOf    the week the edition reports on (its Monday), when given
 * @param corrects  the number of the edition this one corrects, or null
 * @param reason    why the correction was needed (only with {@code corrects})
 */
@EventRevision("1")
public record EditionPublished(String editionId, int number, LocalDate publishedOn, LocalDate weekOf, String title,
                               String note, Integer corrects, String reason) {
}
