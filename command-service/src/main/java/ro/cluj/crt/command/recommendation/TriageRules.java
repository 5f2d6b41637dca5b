package ro.cluj.crt.command.recommendation;

import java.util.ArrayList;
import java.util.List;
import ro.cluj.crt.events.recommendation.Triage;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;

/**
 * What a triage must say for each decision, checked by the controller before it looks anything up (so that a bad
 * request is a 400 before any 422) and by the aggregate again (so that no other caller can skip it).
 */
final class TriageRules {

    private TriageRules() {
    }

    /** Refuses a triage that does not fit its decision, naming every bad field. */
    static void check(Triage triage, boolean retriage) {
        List<FieldError> errors = new ArrayList<>();
        if (triage.decision() == null) {
            errors.add(new FieldError("decision", "is required"));
        } else {
            switch (triage.decision()) {
                case ACCEPTED -> {
                    requirePresent(triage.organisationId(), "organisationId", "an accepted recommendation", errors);
                    requireAbsent(triage.duplicateOf(), "duplicateOf", "a duplicate", errors);
                }
                case DUPLICATE -> {
                    requirePresent(triage.duplicateOf(), "duplicateOf", "a duplicate", errors);
                    requireAbsent(triage.organisationId(), "organisationId", "an accepted recommendation", errors);
                }
                case OUT_OF_SCOPE -> {
                    requirePresent(triage.reason(), "reason", "an out-of-scope recommendation", errors);
                    requireAbsent(triage.organisationId(), "organisationId", "an accepted recommendation", errors);
                    requireAbsent(triage.duplicateOf(), "duplicateOf", "a duplicate", errors);
                }
            }
        }
        if (retriage && isBlank(triage.reason()) && errors.stream().noneMatch(e -> e.field().equals("reason"))) {
            errors.add(new FieldError("reason", "is required for a retriage"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static void requirePresent(String value, String field, String what, List<FieldError> errors) {
        if (isBlank(value)) {
            errors.add(new FieldError(field, "is required for " + what));
        }
    }

    private static void requireAbsent(String value, String field, String only, List<FieldError> errors) {
        if (value != null) {
            errors.add(new FieldError(field, "belongs only to " + only));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
