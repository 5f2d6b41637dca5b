package ro.cluj.crt.importer;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The tracker's fields of activity; a measure is filed under one. The English and Romanian labels are the tracker's
 * own (its vocabulary), so that a category named by either label in another system's file is recognised.
 */
enum Field {
    HEALTH("Health", "Sănătate"),
    PUBLIC_INFORMATION("Public information", "Informare publică"),
    EDUCATION_AND_CHILDCARE("Education and childcare", "Educație și îngrijirea copiilor"),
    MOBILITY_AND_GATHERINGS("Mobility and gatherings", "Mobilitate și întruniri"),
    WORK_AND_WORKPLACES("Work and workplaces", "Muncă și locuri de muncă"),
    EMPLOYMENT_AND_INCOME("Employment and income", "Ocupare și venituri"),
    SOCIAL_SUPPORT_AND_BASIC_NEEDS("Social support and basic needs", "Sprijin social și nevoi de bază"),
    BUSINESS_CONTINUITY("Business continuity", "Continuitatea afacerilor"),
    ECONOMIC_RECOVERY("Economic recovery", "Redresare economică"),
    CULTURE("Culture", "Cultură"),
    DIGITAL_SERVICES("Digital services", "Servicii digitale"),
    VOLUNTEERING_AND_SOLIDARITY("Volunteering and solidarity", "Voluntariat și solidaritate"),
    OTHER("Other", "Altele");

    private final String english;
    private final String romanian;

    Field(String english, String romanian) {
        this.english = english;
        this.romanian = romanian;
    }

    @JsonValue
    String code() {
        return Codes.of(this);
    }

    String english() {
        return english;
    }

    String romanian() {
        return romanian;
    }

    /** The field whose code, English or Romanian label is {@code name}, ignoring case and surrounding spaces. */
    static Optional<Field> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(field -> field.code().equals(wanted) || field.english.toLowerCase(Locale.ROOT).equals(wanted)
                        || field.romanian.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
