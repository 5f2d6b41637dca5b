package ro.cluj.crt.events.api;

import java.time.LocalDate;

/**
 * A working session in the list of sessions.
 *
 * @param version the sequence number of the last event the view reflects (for {@code If-Match})
 * @param status  {@code scheduled}, {@code held} or {@code cancelled}; the public sees no cancelled ones
 * @param date    the day it is planned for (after any rescheduling)
 * @param heldOn  the day it took place, once held
 */
public record SessionSummary(String sessionId, long version, String status, String topic, LocalDate date,
                             String place, String link, LocalDate heldOn, int participants, int outcomes) {
}
