package ro.cluj.crt.events.session;

import ro.cluj.crt.events.vocabulary.Field;

/** An organisation volunteered at a session to support others in a field. */
public record VolunteeredSupport(String organisationId, Field field, String note) {
}
