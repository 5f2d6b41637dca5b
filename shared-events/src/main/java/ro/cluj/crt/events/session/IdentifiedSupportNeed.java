package ro.cluj.crt.events.session;

import ro.cluj.crt.events.vocabulary.SupportKind;

/** A need for support that a session identified, of a kind, with a note; it names no organisation. */
public record IdentifiedSupportNeed(SupportKind kind, String note) {
}
