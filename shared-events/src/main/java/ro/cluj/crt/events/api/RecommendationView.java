package ro.cluj.crt.events.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One recommendation of an initiative, as a logged-in reader may see it. The recommender is a {@link PersonView}:
 * their name and contact for staff, withheld for other roles, erased for everyone after their erasure.
 * {@code howToReachThem} is sealed with the recommender's key, so it is there exactly when the recommender's details
 * are, and absent otherwise.
 *
 * @param status  {@code new}, {@code accepted}, {@code duplicate} or {@code out-of-scope}
 * @param triages every triage in the order it was made, the current one last
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecommendationView(String id, String status, String what, String whoRunsIt, String field,
                                 String howToReachThem, Boolean consentToContact, PersonView recommender,
                                 Instant receivedAt, List<TriageEntry> triages, long version) {

    /**
     * A triage as recorded: the decision, what it points to, why, who (an opaque account id) and when.
     *
     * @param retriage whether it replaced an earlier triage
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TriageEntry(String decision, String organisationId, String duplicateOf, String reason,
                              boolean retriage, String triagedBy, Instant triagedAt) {
    }
}
