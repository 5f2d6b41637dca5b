package ro.cluj.crt.events.session;

import ro.cluj.crt.events.EventRevision;
import ro.cluj.crt.events.vocabulary.ParticipantRole;

/**
 * An organisation takes part in a session, in a role. Decision-makers are recorded by the position they hold in the
 * organisation ("deputy mayor"), never by name, so the event holds no personal data.
 *
 * @param positionTitle the position held, absent when the organisation takes part as such
 */
@EventRevision("1")
public record ParticipantRegistered(SessionId sessionId, String participantId, String organisationId,
                                    ParticipantRole role, String positionTitle) implements SessionEvent {
}
