package ro.cluj.crt.query.report;

import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.ReportView;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.config.PointInTime;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.config.ReadResponses;
import ro.cluj.crt.query.config.Readers;
import ro.cluj.crt.support.web.InvalidRequestException;

/**
 * The report: public (consented data only) without login, complete for staff, monitors and auditors. Now from the
 * catalogue view, or as of a past position or moment from the events themselves ({@link ReportReplay}).
 */
@RestController
class ReportController {

    private final ReportQueries queries;
    private final ReportReplay replay;
    private final ProjectionPositions positions;

    ReportController(ReportQueries queries, ReportReplay replay, ProjectionPositions positions) {
        this.queries = queries;
        this.replay = replay;
        this.positions = positions;
    }

    @GetMapping("/api/report")
    ResponseEntity<ReportView> report(@RequestParam(required = false) Long minPosition,
                                      @RequestParam(required = false) String atPosition,
                                      @RequestParam(required = false) String asOf) {
        boolean everything = Readers.seesEverything();
        if (atPosition != null && asOf != null) {
            throw new InvalidRequestException("atPosition", "give atPosition or asOf, not both");
        }
        if (atPosition != null) {
            long position = PointInTime.position(atPosition);
            return at(replay.report(events -> PointInTime.reached(position, events.head()), everything));
        }
        if (asOf != null) {
            Instant moment = PointInTime.pastMoment(asOf, Instant.now());
            return at(replay.report(events -> events.lastStoredBy(moment), everything));
        }
        return ReadResponses.at(positions.read(CatalogueProjection.PROCESSING_GROUP, minPosition,
                () -> queries.report(everything)));
    }

    private static ResponseEntity<ReportView> at(ReportReplay.Replayed replayed) {
        return ReadResponses.at(new ProjectionPositions.Positioned<>(replayed.position(), replayed.report()));
    }
}
