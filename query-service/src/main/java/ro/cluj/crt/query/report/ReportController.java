package ro.cluj.crt.query.report;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.ReportView;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.config.ReadResponses;
import ro.cluj.crt.query.config.Readers;

/** The report: public (consented data only) without login, complete for staff, monitors and auditors. */
@RestController
class ReportController {

    private final ReportQueries queries;
    private final ProjectionPositions positions;

    ReportController(ReportQueries queries, ProjectionPositions positions) {
        this.queries = queries;
        this.positions = positions;
    }

    @GetMapping("/api/report")
    ResponseEntity<ReportView> report(@RequestParam(required = false) Long minPosition) {
        boolean everything = Readers.seesEverything();
        return ReadResponses.at(positions.read(CatalogueProjection.PROCESSING_GROUP, minPosition,
                () -> queries.report(everything)));
    }
}
