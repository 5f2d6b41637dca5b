package ro.cluj.crt.events.recommendation;

import ro.cluj.crt.events.EventRevision;

/** Staff triaged a new recommendation for the first time; who did it is in the event's metadata. */
@EventRevision("1")
public record RecommendationTriaged(RecommendationId recommendationId, Triage triage) {
}
