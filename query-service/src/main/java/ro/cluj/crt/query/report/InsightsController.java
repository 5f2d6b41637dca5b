package ro.cluj.crt.query.report;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.InsightsView;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.commitment.CommitmentTimelineProjection;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.config.ReadResponses;
import ro.cluj.crt.query.config.Readers;
import ro.cluj.crt.query.lesson.LessonProjection;

/** The insight views: public (consented data only) without login, complete for logged-in readers. */
@RestController
class InsightsController {

    private static final List<String> VIEWS = List.of(CatalogueProjection.PROCESSING_GROUP,
            LessonProjection.PROCESSING_GROUP, CommitmentTimelineProjection.PROCESSING_GROUP);

    private final InsightQueries queries;
    private final ProjectionPositions positions;

    InsightsController(InsightQueries queries, ProjectionPositions positions) {
        this.queries = queries;
        this.positions = positions;
    }

    @GetMapping("/api/insights")
    ResponseEntity<InsightsView> insights(@RequestParam(required = false) Long minPosition) {
        boolean everything = Readers.seesEverything();
        return ReadResponses.at(positions.read(VIEWS, minPosition, () -> queries.insights(everything)));
    }
}
