package ro.cluj.crt.command.recommendation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import ro.cluj.crt.command.recommendation.RecommendationCommands.RecommendInitiative;
import ro.cluj.crt.command.recommendation.RecommendationCommands.TriageRecommendation;
import ro.cluj.crt.events.person.PersonId;
import ro.cluj.crt.events.recommendation.InitiativeRecommended;
import ro.cluj.crt.events.recommendation.RecommendationId;
import ro.cluj.crt.events.recommendation.RecommendationRetriaged;
import ro.cluj.crt.events.recommendation.RecommendationTriaged;
import ro.cluj.crt.events.recommendation.Triage;
import ro.cluj.crt.events.vocabulary.TriageDecision;
import ro.cluj.crt.support.web.ConflictException;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.RuleViolationException;

/**
 * A recommendation of an initiative, from the public, and its triage by staff. A recommendation is triaged once; a
 * later change of mind is an explicit retriage that says why and changes something, so the history never holds a
 * silent overwrite. It is never a duplicate of itself.
 */
@Aggregate
public class Recommendation {

    @AggregateIdentifier
    private String recommendationId;
    /** The triage in force, null while the recommendation is new. */
    private Triage triage;

    protected Recommendation() {
        // for Axon: a recommendation is rebuilt from its events
    }

    /** Receives a recommendation; its personal values arrive sealed, so nothing here can read them. */
    @CommandHandler
    public Recommendation(RecommendInitiative command) {
        if (isBlank(command.what())) {
            throw new InvalidRequestException("what", "is required");
        }
        if (isBlank(command.whoRunsIt())) {
            throw new InvalidRequestException("whoRunsIt", "is required");
        }
        if (command.recommender() == null || command.recommender().name() == null) {
            throw new InvalidRequestException("recommender.name", "is required");
        }
        apply(new InitiativeRecommended(RecommendationId.of(command.recommendationId()), command.what(),
                command.whoRunsIt(), command.howToReachThem(), command.field(),
                PersonId.of(command.recommenderId()), command.recommender(), command.consentToContact()));
    }

    @CommandHandler
    public void handle(TriageRecommendation command) {
        Triage decided = command.triage();
        TriageRules.check(decided, command.retriage());
        if (decided.decision() == TriageDecision.DUPLICATE && recommendationId.equals(decided.duplicateOf())) {
            throw new RuleViolationException("duplicate-of-another", "duplicateOf",
                    "a recommendation cannot be a duplicate of itself");
        }
        if (!command.retriage()) {
            if (triage != null) {
                throw new ConflictException(triage.decision().code(), "the recommendation is already triaged as "
                        + triage.decision().code() + "; send a retriage with a reason to change it");
            }
            apply(new RecommendationTriaged(id(), decided));
            return;
        }
        if (triage == null) {
            throw new ConflictException("new", "the recommendation is not triaged yet; triage it without retriage");
        }
        if (sameDecision(triage, decided)) {
            throw new ConflictException(triage.decision().code(), "the retriage decides what the triage in force "
                    + "already decided");
        }
        apply(new RecommendationRetriaged(id(), decided, triage));
    }

    @EventSourcingHandler
    void on(InitiativeRecommended event) {
        recommendationId = event.recommendationId().value();
    }

    @EventSourcingHandler
    void on(RecommendationTriaged event) {
        triage = event.triage();
    }

    @EventSourcingHandler
    void on(RecommendationRetriaged event) {
        triage = event.triage();
    }

    private RecommendationId id() {
        return RecommendationId.of(recommendationId);
    }

    /** Same decision pointing at the same thing; the reason alone does not make a new decision. */
    private static boolean sameDecision(Triage current, Triage next) {
        return current.decision() == next.decision()
                && Objects.equals(current.organisationId(), next.organisationId())
                && Objects.equals(current.duplicateOf(), next.duplicateOf());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
