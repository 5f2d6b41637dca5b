package ro.cluj.crt.importer;

import com.fasterxml.jackson.annotation.JsonValue;

/** The level of a public authority. */
enum AuthorityLevel {
    LOCAL,
    REGIONAL,
    NATIONAL,
    EUROPEAN;

    @JsonValue
    String code() {
        return Codes.of(this);
    }
}
