package ro.cluj.crt.events.recommendation;

import ro.cluj.crt.events.vocabulary.TriageDecision;

/**
 * What staff decided about a recommendation, and why.
 *
 * @param organisationId for {@code accepted}: the registered organisation the initiative belongs to; else null
 * @param duplicateOf    for {@code duplicate}: the other recommendation it repeats; else null
 * @param reason         why; required for {@code out-of-scope} and for every retriage, optional otherwise
 */
public record Triage(TriageDecision decision, String organisationId, String duplicateOf, String reason) {
}
