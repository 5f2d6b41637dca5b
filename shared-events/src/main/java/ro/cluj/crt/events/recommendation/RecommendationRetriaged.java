package ro.cluj.crt.events.recommendation;

import ro.cluj.crt.events.EventRevision;

/**
 * Staff replaced the triage of a recommendation with another one, saying why ({@code triage.reason}); the triage it
 * replaces is kept beside it, so the history reads without replaying.
 */
@EventRevision("1")
public record RecommendationRetriaged(RecommendationId recommendationId, Triage triage, Triage previous) {
}
