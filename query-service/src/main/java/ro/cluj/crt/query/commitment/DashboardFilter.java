package ro.cluj.crt.query.commitment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import ro.cluj.crt.events.vocabulary.CommitmentKind;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;

/**
 * Which commitments a dashboard list keeps and in which order. Built from request parameters; every bad one is
 * reported at once.
 */
record DashboardFilter(DashboardDay day, String standing, String field, String kind, String organisation,
                       String session, String sort, boolean descending) {

    private static final Map<String, String> STANDINGS = Map.of(
            "on-track", "s.standing = 'on-track'",
            "at-risk", "s.standing = 'at-risk'",
            "late", "s.standing = 'late'",
            "open", "s.status = 'open'",
            "fulfilled", "s.status = 'fulfilled'",
            "abandoned", "s.status = 'abandoned'");

    private static final Map<String, String> SORTS = Map.of(
            "next-due", "s.next_due_date",
            "target-date", "s.target_date",
            "made-at", "s.made_at",
            "changed-at", "s.changed_at",
            "title", "s.title",
            "percentage", "s.percentage");

    private static final int MAX_ID = 64;

    /** Checks the parameters as given in a request (any may be null but the day). */
    static DashboardFilter of(DashboardDay day, String standing, String field, String kind, String organisation,
                              String session, String sort, String direction) {
        List<FieldError> errors = new ArrayList<>();
        if (standing != null && !STANDINGS.containsKey(standing)) {
            errors.add(new FieldError("standing", "must be one of " + String.join(", ", STANDINGS.keySet().stream()
                    .sorted().toList())));
        }
        if (field != null) {
            try {
                Field.fromCode(field);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("field", e.getMessage()));
            }
        }
        if (kind != null) {
            try {
                CommitmentKind.fromCode(kind);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", e.getMessage()));
            }
        }
        checkId("organisation", organisation, errors);
        checkId("session", session, errors);
        String order = sort == null ? "next-due" : sort;
        if (!SORTS.containsKey(order)) {
            errors.add(new FieldError("sort", "must be one of " + String.join(", ", SORTS.keySet().stream()
                    .sorted().toList())));
        }
        String towards = direction == null ? "asc" : direction;
        if (!towards.equals("asc") && !towards.equals("desc")) {
            errors.add(new FieldError("direction", "must be asc or desc"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new DashboardFilter(day, standing, field, kind, organisation, session, order, towards.equals("desc"));
    }

    private static void checkId(String name, String value, List<FieldError> errors) {
        if (value != null && (value.isBlank() || value.length() > MAX_ID)) {
            errors.add(new FieldError(name, "must be an id of 1 to " + MAX_ID + " characters"));
        }
    }

    /** The SQL condition on the standing view {@code s}; its values are named parameters. */
    String condition() {
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        if (standing != null) {
            conditions.add(STANDINGS.get(standing));
        }
        if (field != null) {
            conditions.add("s.field = :field");
        }
        if (kind != null) {
            conditions.add("s.kind = :kind");
        }
        if (organisation != null) {
            conditions.add("""
                    EXISTS (SELECT 1 FROM commitment_party p
                            WHERE p.commitment_id = s.commitment_id AND p.organisation_id = :organisation)""");
        }
        if (session != null) {
            conditions.add("s.session_id = :session");
        }
        return String.join(" AND ", conditions);
    }

    String order() {
        return SORTS.get(sort) + (descending ? " DESC NULLS LAST" : " ASC NULLS LAST") + ", s.commitment_id";
    }

    MapSqlParameterSource parameters() {
        return day.parameters().addValue("field", field).addValue("kind", kind)
                .addValue("organisation", organisation).addValue("session", session);
    }
}
