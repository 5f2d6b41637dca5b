package ro.cluj.crt.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The area a measure works in. A source's own category is kept beside it as detail. */
public enum Field implements Vocabulary {

    HEALTH("health", "Health", "Sănătate"),
    PUBLIC_INFORMATION("public-information", "Public information", "Informare publică"),
    EDUCATION_AND_CHILDCARE("education-and-childcare", "Education and childcare", "Educație și îngrijirea copiilor"),
    MOBILITY_AND_GATHERINGS("mobility-and-gatherings", "Mobility and gatherings", "Mobilitate și întruniri"),
    WORK_AND_WORKPLACES("work-and-workplaces", "Work and workplaces", "Muncă și locuri de muncă"),
    EMPLOYMENT_AND_INCOME("employment-and-income", "Employment and income", "Ocupare și venituri"),
    SOCIAL_SUPPORT_AND_BASIC_NEEDS("social-support-and-basic-needs",
            "Social support and basic needs",
            "Sprijin social și nevoi de bază"),
    BUSINESS_CONTINUITY("business-continuity", "Business continuity", "Continuitatea afacerilor"),
    ECONOMIC_RECOVERY("economic-recovery", "Economic recovery", "Redresare economică"),
    CULTURE("culture", "Culture", "Cultură"),
    DIGITAL_SERVICES("digital-services", "Digital services", "Servicii digitale"),
    VOLUNTEERING_AND_SOLIDARITY("volunteering-and-solidarity",
            "Volunteering and solidarity",
            "Voluntariat și solidaritate"),
    OTHER("other", "Other", "Altele");

    private final String code;
    private final String english;
    private final String romanian;

    Field(String code, String english, String romanian) {
        this.code = code;
        this.english = english;
        this.romanian = romanian;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public String english() {
        return english;
    }

    @Override
    public String romanian() {
        return romanian;
    }

    /** The value with this code; an unknown code is rejected, never guessed. */
    @JsonCreator
    public static Field fromCode(String code) {
        return Vocabularies.byCode(values(), code);
    }
}
