package ro.cluj.crt.command.recommendation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import ro.cluj.crt.events.person.ContactDetails;
import ro.cluj.crt.events.person.Sealed;
import ro.cluj.crt.events.recommendation.Triage;
import ro.cluj.crt.events.vocabulary.Field;

/**
 * The commands of the recommendation aggregate. Personal values arrive already sealed with the recommender's key:
 * commands and aggregates never hold them in clear.
 */
public final class RecommendationCommands {

    private RecommendationCommands() {
    }

    public record RecommendInitiative(@TargetAggregateIdentifier String recommendationId, String what,
                                      String whoRunsIt, Sealed howToReachThem, Field field, String recommenderId,
                                      ContactDetails recommender, boolean consentToContact) {
    }

    /**
     * @param retriage true to replace an existing triage (a reason is then required); false for the first triage
     */
    public record TriageRecommendation(@TargetAggregateIdentifier String recommendationId,
                                       @TargetAggregateVersion Long expectedVersion, Triage triage,
                                       boolean retriage) {
    }
}
