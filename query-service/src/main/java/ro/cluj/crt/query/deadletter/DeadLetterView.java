package ro.cluj.crt.query.deadletter;

import java.time.Instant;

/**
 * One parked event as admins see it.
 *
 * @param eventType    the event's name, such as {@code OrganisationDetailsCorrected}
 * @param aggregateId  the aggregate whose events queue behind this one
 * @param sequence     the event's number in its aggregate's history
 * @param error        why the projection could not apply it, as of the last attempt
 * @param firstFailed  when it was parked
 * @param lastAttempt  when it was last tried (parked or retried)
 * @param attempts     how often it was tried; 0 for an event that waits behind an earlier one and was never tried
 * @param waitsBehind  the event id of the earlier event of the same aggregate it waits behind, if any
 */
public record DeadLetterView(String eventId, String eventType, String aggregateId, Long sequence, Error error,
                             Instant firstFailed, Instant lastAttempt, long attempts, String waitsBehind) {

    /** @param type the simple name of the error's class */
    public record Error(String type, String message) {
    }
}
