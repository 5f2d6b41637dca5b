package ro.cluj.crt.query.recommendation;

import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.EventMetadata;
import ro.cluj.crt.events.recommendation.InitiativeRecommended;
import ro.cluj.crt.events.recommendation.RecommendationId;
import ro.cluj.crt.events.recommendation.RecommendationRetriaged;
import ro.cluj.crt.events.recommendation.RecommendationTriaged;
import ro.cluj.crt.events.recommendation.Triage;
import ro.cluj.crt.query.config.ViewJson;

/**
 * The recommendations staff triage: one row per recommendation with its status, and one row per triage with who
 * made it and why. Personal values are stored sealed, as the events carry them. Rows remember the version of the last
 * event applied, so an event delivered twice changes nothing.
 */
@Component
@ProcessingGroup(RecommendationProjection.PROCESSING_GROUP)
public class RecommendationProjection {

    public static final String PROCESSING_GROUP = "recommendations";

    private final JdbcTemplate jdbc;

    public RecommendationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InitiativeRecommended event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO recommendation (recommendation_id, version, status, what, who_runs_it, field,
                                            how_to_reach_them, consent_to_contact, recommender_id, recommender,
                                            received_at)
                VALUES (?, ?, 'new', ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (recommendation_id) DO NOTHING""",
                event.recommendationId().value(), version, event.what(), event.whoRunsIt(),
                event.field() == null ? null : event.field().code(),
                event.howToReachThem() == null ? null : event.howToReachThem().text(), event.consentToContact(),
                event.recommenderId().value(), ViewJson.write(event.recommender()), at.atOffset(ZoneOffset.UTC));
    }

    @EventHandler
    void on(RecommendationTriaged event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(EventMetadata.ACTOR_ID) String actor) {
        triaged(event.recommendationId(), event.triage(), false, version, at, actor);
    }

    @EventHandler
    void on(RecommendationRetriaged event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(EventMetadata.ACTOR_ID) String actor) {
        triaged(event.recommendationId(), event.triage(), true, version, at, actor);
    }

    private void triaged(RecommendationId id, Triage triage, boolean retriage, long version, Instant at,
                         String actor) {
        jdbc.update("""
                INSERT INTO recommendation_triage (recommendation_id, sequence_number, decision, organisation_id,
                                                   duplicate_of, reason, retriage, actor_id, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (recommendation_id, sequence_number) DO NOTHING""",
                id.value(), version, triage.decision().code(), triage.organisationId(), triage.duplicateOf(),
                triage.reason(), retriage, actor, at.atOffset(ZoneOffset.UTC));
        jdbc.update("""
                UPDATE recommendation SET version = ?, status = ?, triaged_at = ?
                WHERE recommendation_id = ? AND version < ?""",
                version, triage.decision().code(), at.atOffset(ZoneOffset.UTC), id.value(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM recommendation_triage");
        jdbc.update("DELETE FROM recommendation");
    }
}
