package ro.cluj.crt.events.api;

import java.time.Instant;

/**
 * A recommendation in the staff's triage list: what it recommends and where its triage stands, without the
 * recommender's personal data (read one recommendation for those).
 *
 * @param status {@code new}, {@code accepted}, {@code duplicate} or {@code out-of-scope}
 */
public record RecommendationSummary(String id, String status, String what, String whoRunsIt, String field,
                                    Instant receivedAt, Instant triagedAt, long version) {
}
