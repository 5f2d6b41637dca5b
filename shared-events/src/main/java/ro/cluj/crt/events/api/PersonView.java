package ro.cluj.crt.events.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A person as a reader may see them. To readers allowed to see personal data, the fields; to others
 * {@code {"id", "withheld": true}}; after erasure, to everyone, {@code {"id", "erased": true, "erasedAt"}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonView(String id, String name, String role, String email, String phone, String preferredLanguage,
                         Boolean withheld, Boolean erased, Instant erasedAt) {

    public static PersonView withheld(String id) {
        return new PersonView(id, null, null, null, null, null, true, null, null);
    }

    public static PersonView erased(String id, Instant erasedAt) {
        return new PersonView(id, null, null, null, null, null, null, true, erasedAt);
    }
}
