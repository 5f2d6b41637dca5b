package ro.cluj.crt.events.recommendation;

import ro.cluj.crt.events.EventRevision;
import ro.cluj.crt.events.person.ContactDetails;
import ro.cluj.crt.events.person.PersonId;
import ro.cluj.crt.events.person.Sealed;
import ro.cluj.crt.events.vocabulary.Field;

/**
 * Someone, usually without an account, recommended an initiative to be documented. The recommender is a person of
 * their own: their name and contact (as {@code email} or {@code phone} of {@link ContactDetails}) and
 * {@code howToReachThem} are sealed with that person's key, so erasing the recommender makes all three unreadable
 * while this event stays as it is. What the initiative is and who runs it are about organisations and stay in clear.
 *
 * @param whoRunsIt        the organisation or group that runs the initiative, as the recommender named it
 * @param howToReachThem   how to reach the initiative's people, sealed: it may name a person
 * @param field            the field it works in, or null when the recommender did not say
 * @param consentToContact whether the recommender agreed to be contacted about it
 */
@EventRevision("1")
public record InitiativeRecommended(RecommendationId recommendationId, String what, String whoRunsIt,
                                    Sealed howToReachThem, Field field, PersonId recommenderId,
                                    ContactDetails recommender, boolean consentToContact) {
}
