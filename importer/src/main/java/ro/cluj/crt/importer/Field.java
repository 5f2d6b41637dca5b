package ro.cluj.crt.importer;

import com.fasterxml.jackson.annotation.JsonValue;

/** The tracker's fields of activity; a measure is filed under one. */
enum Field {
    HEALTH,
    PUBLIC_INFORMATION,
    EDUCATION_AND_CHILDCARE,
    MOBILITY_AND_GATHERINGS,
    WORK_AND_WORKPLACES,
    EMPLOYMENT_AND_INCOME,
    SOCIAL_SUPPORT_AND_BASIC_NEEDS,
    BUSINESS_CONTINUITY,
    ECONOMIC_RECOVERY,
    CULTURE,
    DIGITAL_SERVICES,
    VOLUNTEERING_AND_SOLIDARITY,
    OTHER;

    @JsonValue
    String code() {
        return Codes.of(this);
    }
}
