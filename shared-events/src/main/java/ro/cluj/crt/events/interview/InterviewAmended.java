package ro.cluj.crt.events.interview;

import ro.cluj.crt.events.EventRevision;
import ro.cluj.crt.events.organisation.OrganisationId;

/** Staff amended an interview; {@code content} is the whole new content. */
@EventRevision("1")
public record InterviewAmended(InterviewId interviewId, OrganisationId organisationId, InterviewContent content,
                               String reason) {
}
