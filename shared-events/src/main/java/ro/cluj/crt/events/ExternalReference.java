package ro.cluj.crt.events;

import java.util.Objects;

/**
 * Where a record comes from outside the tracker: the source (a data set or system) and the record's id in it.
 * Importers use it so that submitting the same record twice changes nothing.
 */
public record ExternalReference(String source, String id) {

    public ExternalReference {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
    }

    /** One line that is the same for equal references, used to derive stable identifiers. */
    public String key() {
        return source + "\u001f" + id;
    }
}
