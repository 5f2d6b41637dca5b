package ro.cluj.crt.events.api;

import java.util.List;
import ro.cluj.crt.events.ExternalReference;
import ro.cluj.crt.events.organisation.OrganisationDetails;

/** An organisation with the interviews the reader may see, newest first. */
public record OrganisationProfile(String id, long version, OrganisationDetails details,
                                  ExternalReference externalReference, List<InterviewView> interviews) {
}
