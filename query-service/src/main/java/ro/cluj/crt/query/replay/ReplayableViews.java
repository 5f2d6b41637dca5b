package ro.cluj.crt.query.replay;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.commitment.CommitmentDashboardProjection;
import ro.cluj.crt.query.commitment.CommitmentTimelineProjection;
import ro.cluj.crt.query.edition.EditionProjection;
import ro.cluj.crt.query.lesson.LessonProjection;
import ro.cluj.crt.query.recommendation.RecommendationProjection;
import ro.cluj.crt.query.session.SessionProjection;

/**
 * Which tables make up each processing group's view and how to make fresh instances of its projections that write
 * through a given {@link JdbcTemplate}. A replay copies exactly these tables; a table missing here would make the
 * replay fail (its schema alone is on the search path), never write into the live view.
 */
final class ReplayableViews {

    /** One processing group: its tables, and its event handlers over a template. */
    record View(String group, List<String> tables, Function<JdbcTemplate, List<Object>> handlers) {
    }

    private static final Map<String, View> VIEWS = Map.of(
            CatalogueProjection.PROCESSING_GROUP, new View(CatalogueProjection.PROCESSING_GROUP,
                    List.of("organisation", "contact_person", "person_record", "interview", "measure",
                            "support_need", "support_offer", "edition"),
                    jdbc -> List.of(new CatalogueProjection(jdbc), EditionProjection.over(jdbc))),
            CommitmentTimelineProjection.PROCESSING_GROUP, new View(CommitmentTimelineProjection.PROCESSING_GROUP,
                    List.of("commitment_timeline", "commitment_dashboard", "commitment_party"),
                    jdbc -> List.of(new CommitmentTimelineProjection(jdbc), new CommitmentDashboardProjection(jdbc))),
            LessonProjection.PROCESSING_GROUP, new View(LessonProjection.PROCESSING_GROUP,
                    List.of("lesson", "lesson_source", "working_session", "session_participant", "session_outcome"),
                    jdbc -> List.of(new LessonProjection(jdbc), new SessionProjection(jdbc))),
            RecommendationProjection.PROCESSING_GROUP, new View(RecommendationProjection.PROCESSING_GROUP,
                    List.of("recommendation", "recommendation_triage"),
                    jdbc -> List.of(new RecommendationProjection(jdbc))));

    private ReplayableViews() {
    }

    static Optional<View> of(String group) {
        return Optional.ofNullable(VIEWS.get(group));
    }
}
