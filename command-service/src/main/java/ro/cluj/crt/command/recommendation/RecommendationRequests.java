package ro.cluj.crt.command.recommendation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ro.cluj.crt.command.write.EmailOrPhone;
import ro.cluj.crt.command.write.PlainText;
import ro.cluj.crt.command.write.Reasons;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.TriageDecision;

/** The bodies of the recommendation endpoints, with their limits. */
final class RecommendationRequests {

    static final int MAX_WHAT = 2_000;
    static final int MAX_WHO_RUNS_IT = 500;
    static final int MAX_HOW_TO_REACH = 500;
    static final int MAX_NAME = 200;
    static final int MAX_CONTACT = 320;

    private RecommendationRequests() {
    }

    /**
     * A public recommendation. Texts from the public are plain text: markup is refused, not cleaned.
     *
     * @param howToReachThem how to reach the initiative's people; may name a person, so it is sealed like the
     *                       recommender's details
     */
    record Recommending(@NotBlank @Size(max = MAX_WHAT) @PlainText String what,
                        @NotBlank @Size(max = MAX_WHO_RUNS_IT) @PlainText String whoRunsIt,
                        @NotBlank @Size(max = MAX_HOW_TO_REACH) @PlainText String howToReachThem,
                        Field field, @NotNull @Valid Recommender recommender, Boolean consentToContact) {
    }

    /** The person who recommends: personal data, sealed with their own key. */
    record Recommender(@NotBlank @Size(max = MAX_NAME) @PlainText String name,
                       @NotBlank @Size(max = MAX_CONTACT) @EmailOrPhone String contact) {
    }

    /**
     * A triage by staff.
     *
     * @param retriage true to replace the triage in force (a reason is then required)
     */
    record Triaging(@NotNull TriageDecision decision, @Size(max = 64) String organisationId,
                    @Size(max = 64) String duplicateOf, @Size(max = Reasons.MAX_LENGTH) String reason,
                    Boolean retriage) {
    }
}
