package ro.cluj.crt.events.api;

import java.util.List;
import ro.cluj.crt.events.ExternalReference;
import ro.cluj.crt.events.organisation.OrganisationDetails;

/**
 * An organisation with the interviews the reader may see, newest first, and its contact people as the reader may
 * see them (none for the public).
 */
public record OrganisationProfile(String id, long version, OrganisationDetails details,
                                  ExternalReference externalReference, List<PersonView> contacts,
                                  List<InterviewView> interviews) {
}
