package ro.cluj.crt.events.api;

import java.time.Instant;
import ro.cluj.crt.events.ExternalReference;
import ro.cluj.crt.events.interview.InterviewContent;

/**
 * An interview in its latest version.
 *
 * @param status     {@code active} or {@code retracted}
 * @param recordedAt when the tracker recorded it first; {@code amendedAt} when last amended, if ever
 */
public record InterviewView(String id, String organisationId, long version, String status, InterviewContent content,
                            ExternalReference externalReference, Instant recordedAt, Instant amendedAt) {
}
