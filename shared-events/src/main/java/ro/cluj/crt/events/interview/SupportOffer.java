package ro.cluj.crt.events.interview;

import java.util.List;
import ro.cluj.crt.events.vocabulary.Field;

/** Whether an organisation is willing to support others, and in which fields. */
public record SupportOffer(boolean willing, List<Field> fields, String description) {

    public SupportOffer {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
