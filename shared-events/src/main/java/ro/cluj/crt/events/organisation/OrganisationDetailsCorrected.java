package ro.cluj.crt.events.organisation;

import ro.cluj.crt.events.EventRevision;

/** Staff corrected an organisation's details; the earlier details stay in the history. */
@EventRevision("1")
public record OrganisationDetailsCorrected(OrganisationId organisationId, OrganisationDetails details,
                                           String reason) {
}
