package ro.cluj.crt.query.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import ro.cluj.crt.support.web.InvalidRequestException;

/**
 * How reads name a past moment: {@code asOf} is a date (the end of that day in Cluj) or an instant in UTC;
 * {@code atPosition} is a global event store position. One parser, so every "as of" read rejects the same values
 * with the same 400 naming the parameter.
 */
public final class PointInTime {

    public static final ZoneId CLUJ = ZoneId.of("Europe/Bucharest");

    private PointInTime() {
    }

    /** The moment {@code asOf} names: an instant as given, a date as the last nanosecond of that day in Cluj. */
    public static Instant moment(String asOf) {
        try {
            return asOf.length() == 10 ? LocalDate.parse(asOf).plusDays(1).atStartOfDay(CLUJ).toInstant().minusNanos(1)
                    : Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("asOf", "must be a date (yyyy-mm-dd) or an instant in UTC");
        }
    }

    /** A past moment: as {@link #moment}, but a date after today in Cluj or an instant after now is a 400. */
    public static Instant pastMoment(String asOf, Instant now) {
        Instant moment = moment(asOf);
        boolean future = asOf.length() == 10 ? LocalDate.parse(asOf).isAfter(LocalDate.ofInstant(now, CLUJ))
                : moment.isAfter(now);
        if (future) {
            throw new InvalidRequestException("asOf", "must not be in the future");
        }
        return moment;
    }

    /** A position as given: a whole number, zero or more. Whether the store reached it is the caller's check. */
    public static long position(String atPosition) {
        try {
            long position = Long.parseLong(atPosition);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below, like a negative number
        }
        throw new InvalidRequestException("atPosition", "must be a whole number, zero or more");
    }

    /** A position no higher than the store's head; a later one has no history to answer from yet. */
    public static long reached(long position, long head) {
        if (position > head) {
            throw new InvalidRequestException("atPosition", "is beyond the event store's head, " + head);
        }
        return position;
    }
}
