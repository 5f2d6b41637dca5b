package ro.cluj.crt.events.interview;

import ro.cluj.crt.events.EventRevision;
import ro.cluj.crt.events.ExternalReference;
import ro.cluj.crt.events.organisation.OrganisationId;

/** Staff recorded an interview with an organisation, or documented one from a published source. */
@EventRevision("1")
public record InterviewRecorded(InterviewId interviewId, OrganisationId organisationId, InterviewContent content,
                                ExternalReference externalReference) {
}
