package ro.cluj.crt.query.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;

/**
 * What an auditor asked of the event stream: events after a global position, of one aggregate, of one type (the
 * payload type, whole or its simple class name), caused by one actor, recorded in {@code [from, to)}, at most
 * {@code limit} of them.
 */
record AuditFilter(long after, String aggregateId, String type, String actorId, Instant from, Instant to,
                   int limit) {

    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;
    private static final Pattern TYPE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.]{0,254}");
    private static final int MAX_ID = 255;

    /** Checks every parameter and reports every bad one at once (400). */
    static AuditFilter of(Long after, String aggregateId, String type, String actorId, String from, String to,
                          Integer limit) {
        List<FieldError> errors = new ArrayList<>();
        if (after != null && after < 0) {
            errors.add(new FieldError("after", "must be 0 or more"));
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (type != null && !TYPE.matcher(type).matches()) {
            errors.add(new FieldError("type", "must be an event type such as OrganisationRegistered"));
        }
        checkId("aggregateId", aggregateId, errors);
        checkId("actorId", actorId, errors);
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new AuditFilter(after == null ? 0 : after, aggregateId, type, actorId, start, end,
                limit == null ? DEFAULT_LIMIT : limit);
    }

    private static void checkId(String field, String value, List<FieldError> errors) {
        if (value != null && (value.isBlank() || value.length() > MAX_ID)) {
            errors.add(new FieldError(field, "must be 1 to " + MAX_ID + " characters"));
        }
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant in UTC, such as 2026-03-01T00:00:00Z"));
            return null;
        }
    }
}
