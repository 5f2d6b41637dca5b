package ro.cluj.crt.events.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An edition in the list of editions, with the SHA-256 of its canonical JSON (hex) and the later editions that
 * correct it.
 */
public record EditionSummary(int number, LocalDate publishedOn, LocalDate weekOf, String title, Integer corrects,
                             List<Integer> correctedBy, long position, String sha256) {

    public EditionSummary {
        correctedBy = correctedBy == null ? List.of() : List.copyOf(correctedBy);
    }
}
