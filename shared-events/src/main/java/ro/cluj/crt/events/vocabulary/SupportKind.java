package ro.cluj.crt.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of support an organisation needs. */
public enum SupportKind implements Vocabulary {

    FUNDING("funding", "Funding", "Finanțare"),
    EQUIPMENT_AND_SUPPLIES("equipment-and-supplies", "Equipment and supplies", "Echipamente și materiale"),
    VOLUNTEERS_AND_STAFF("volunteers-and-staff", "Volunteers and staff", "Voluntari și personal"),
    EXPERTISE_AND_TRAINING("expertise-and-training", "Expertise and training", "Expertiză și instruire"),
    DIGITAL_TOOLS("digital-tools", "Digital tools", "Instrumente digitale"),
    PREMISES_AND_LOGISTICS("premises-and-logistics", "Premises and logistics", "Spații și logistică"),
    INFORMATION_AND_VISIBILITY("information-and-visibility", "Information and visibility", "Informare și vizibilitate"),
    PARTNERSHIPS("partnerships", "Partnerships", "Parteneriate"),
    POLICY_CHANGE("policy-change", "Policy or regulatory change", "Schimbări de politici sau reglementări"),
    OTHER("other", "Other", "Altele");

    private final String code;
    private final String english;
    private final String romanian;

    SupportKind(String code, String english, String romanian) {
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
    public static SupportKind fromCode(String code) {
        return Vocabularies.byCode(values(), code);
    }
}
