package ro.cluj.crt.events.api;

import java.util.List;

/**
 * A page of the event stream in global position order. {@code next} is the position to ask for with {@code after=}
 * to read on (the last position on this page, or the {@code after} asked for when the page is empty); {@code more}
 * says whether the page was full, so that more events may follow at once.
 */
public record AuditEventPage(List<AuditEvent> events, long next, boolean more) {
}
