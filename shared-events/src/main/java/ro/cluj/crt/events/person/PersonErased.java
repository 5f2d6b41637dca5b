package ro.cluj.crt.events.person;

import ro.cluj.crt.events.EventRevision;

/**
 * An admin erased a person's personal data at their request: the person's key was destroyed in the same transaction,
 * so every value sealed with it reads as erased from now on. Carries no personal value.
 *
 * @param requestReference the reference of the person's request (a ticket or letter number), not personal data
 */
@EventRevision("1")
public record PersonErased(PersonId personId, String requestReference) {
}
