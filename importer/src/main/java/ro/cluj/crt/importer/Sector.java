package ro.cluj.crt.importer;

import com.fasterxml.jackson.annotation.JsonValue;

/** The sector an organisation belongs to. */
enum Sector {
    CIVIL_SOCIETY,
    ACADEMIA,
    BUSINESS,
    PUBLIC_AUTHORITY,
    OTHER;

    @JsonValue
    String code() {
        return Codes.of(this);
    }
}
