package ro.cluj.crt.events.interview;

import ro.cluj.crt.events.vocabulary.SupportHorizon;
import ro.cluj.crt.events.vocabulary.SupportKind;

/** Support an organisation says it needs, and by when. */
public record SupportNeed(SupportKind kind, SupportHorizon horizon, String description) {
}
