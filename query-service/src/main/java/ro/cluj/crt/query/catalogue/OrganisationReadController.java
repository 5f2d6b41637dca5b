package ro.cluj.crt.query.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.OrganisationProfile;
import ro.cluj.crt.events.api.OrganisationSummary;
import ro.cluj.crt.events.api.Page;
import ro.cluj.crt.query.config.Paging;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.config.ReadResponses;
import ro.cluj.crt.query.config.Readers;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;

/** Organisation profiles and the list of organisations. */
@RestController
class OrganisationReadController {

    private final OrganisationQueries queries;
    private final ProjectionPositions positions;

    OrganisationReadController(OrganisationQueries queries, ProjectionPositions positions) {
        this.queries = queries;
        this.positions = positions;
    }

    @GetMapping("/api/organisations/{organisationId}")
    ResponseEntity<OrganisationProfile> profile(@PathVariable String organisationId,
                                                @RequestParam(required = false) Long minPosition) {
        boolean everything = Readers.seesEverything();
        boolean personalData = Readers.seesPersonalData();
        return ReadResponses.at(positions.read(CatalogueProjection.PROCESSING_GROUP, minPosition,
                        () -> queries.profile(organisationId, everything, personalData))
                .map(profile -> profile.orElseThrow(() -> new NotFoundException("no organisation with this id"))));
    }

    @GetMapping("/api/organisations")
    ResponseEntity<Page<OrganisationSummary>> list(@RequestParam(defaultValue = "0") int page,
                                                   @RequestParam(defaultValue = "50") int size,
                                                   @RequestParam(required = false) Long minPosition) {
        List<FieldError> errors = new ArrayList<>();
        Paging.check(page, size, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        boolean everything = Readers.seesEverything();
        return ReadResponses.at(positions.read(CatalogueProjection.PROCESSING_GROUP, minPosition,
                () -> queries.list(page, size, everything)));
    }
}
