package ro.cluj.crt.events.interview;

import ro.cluj.crt.events.EventRevision;
import ro.cluj.crt.events.organisation.OrganisationId;

/** Staff retracted an interview: it stays in the history but counts nowhere any more. */
@EventRevision("1")
public record InterviewRetracted(InterviewId interviewId, OrganisationId organisationId, String reason) {
}
