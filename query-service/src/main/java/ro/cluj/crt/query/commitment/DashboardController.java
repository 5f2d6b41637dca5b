package ro.cluj.crt.query.commitment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.CommitmentDashboard;
import ro.cluj.crt.events.api.CommitmentSummary;
import ro.cluj.crt.events.api.OrganisationCommitments;
import ro.cluj.crt.events.api.Page;
import ro.cluj.crt.events.api.Scorecard;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.config.Paging;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.config.PublicAddress;
import ro.cluj.crt.query.config.QueryClock;
import ro.cluj.crt.query.config.ReadResponses;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * The commitment dashboard, public like the timelines: counts, lists filtered and paged, scorecards, and the same
 * lists whole as CSV and JSON exports. Commitments name organisations, never people.
 */
@RestController
class DashboardController {

    /** The dashboard's rows, and the catalogue for the organisations' names. */
    private static final List<String> GROUP = List.of(CommitmentTimelineProjection.PROCESSING_GROUP,
            CatalogueProjection.PROCESSING_GROUP);
    private static final String WITHIN = "atRiskWithinDays";
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Za-z]{2})?");
    private static final int MAX_LOCALES = 10;

    private final DashboardQueries queries;
    private final ProjectionPositions positions;
    private final Clock clock;
    private final PublicAddress address;

    DashboardController(DashboardQueries queries, ProjectionPositions positions, Clock clock,
                        PublicAddress address) {
        this.queries = queries;
        this.positions = positions;
        this.clock = clock;
        this.address = address;
    }

    @GetMapping("/api/dashboard")
    ResponseEntity<CommitmentDashboard> dashboard(@RequestParam(name = WITHIN, defaultValue = "30") int within,
                                                  @RequestParam(required = false) Long minPosition) {
        DashboardDay day = day(within, new ArrayList<>());
        return ReadResponses.at(positions.read(GROUP, minPosition, () -> queries.dashboard(day)));
    }

    /**
     * Commitments, filtered by standing ({@code on-track}, {@code at-risk}, {@code late}, {@code open},
     * {@code fulfilled}, {@code abandoned}), field, kind, organisation (lead or co-signer) and session.
     */
    @GetMapping("/api/dashboard/commitments")
    ResponseEntity<Page<CommitmentSummary>> commitments(@RequestParam(required = false) String standing,
            @RequestParam(required = false) String field, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String organisation, @RequestParam(required = false) String session,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String direction,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @RequestParam(name = WITHIN, defaultValue = "30") int within,
            @RequestParam(required = false) Long minPosition) {
        List<FieldError> errors = new ArrayList<>();
        Paging.check(page, size, errors);
        DashboardFilter filter = filter(within, errors, standing, field, kind, organisation, session, sort,
                direction);
        return ReadResponses.at(positions.read(GROUP, minPosition, () -> queries.commitments(filter, page, size)));
    }

    @GetMapping("/api/dashboard/commitments.json")
    ResponseEntity<List<CommitmentSummary>> commitmentsJson(@RequestParam(required = false) String standing,
            @RequestParam(required = false) String field, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String organisation, @RequestParam(required = false) String session,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String direction,
            @RequestParam(name = WITHIN, defaultValue = "30") int within,
            @RequestParam(required = false) Long minPosition) {
        DashboardFilter filter = filter(within, new ArrayList<>(), standing, field, kind, organisation, session,
                sort, direction);
        return ReadResponses.at(positions.read(GROUP, minPosition, () -> {
            List<CommitmentSummary> all = new ArrayList<>();
            queries.eachCommitment(filter, all::add);
            return all;
        }));
    }

    @GetMapping("/api/dashboard/commitments.csv")
    ResponseEntity<String> commitmentsCsv(@RequestParam(required = false) String standing,
            @RequestParam(required = false) String field, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String organisation, @RequestParam(required = false) String session,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String direction,
            @RequestParam(name = WITHIN, defaultValue = "30") int within,
            @RequestParam(required = false) Long minPosition) {
        DashboardFilter filter = filter(within, new ArrayList<>(), standing, field, kind, organisation, session,
                sort, direction);
        return ReadResponses.csv(positions.read(GROUP, minPosition,
                () -> DashboardCsv.commitments(row -> queries.eachCommitment(filter, row))), "commitments.csv");
    }

    /**
     * The commitments as Decidim accountability results (semicolon-separated CSV), with titles and descriptions in
     * the columns of each of {@code locales}.
     */
    @GetMapping("/api/dashboard/commitments.decidim.csv")
    ResponseEntity<String> decidimResults(@RequestParam(required = false) String standing,
            @RequestParam(required = false) String field, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String organisation, @RequestParam(required = false) String session,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String direction,
            @RequestParam(defaultValue = "en,ro") String locales,
            @RequestParam(name = WITHIN, defaultValue = "30") int within,
            @RequestParam(required = false) Long minPosition) {
        List<FieldError> errors = new ArrayList<>();
        List<String> asked = List.of(locales.split(",", -1));
        if (asked.size() > MAX_LOCALES || !asked.stream().allMatch(locale -> LOCALE.matcher(locale).matches())
                || asked.stream().distinct().count() < asked.size()) {
            errors.add(new FieldError("locales", "must be 1 to " + MAX_LOCALES
                    + " different locale codes (such as en or pt-BR), separated by commas"));
        }
        DashboardFilter filter = filter(within, errors, standing, field, kind, organisation, session, sort,
                direction);
        String timelines = address.of("/api/commitments/") + "%s/timeline";
        return ReadResponses.csv(positions.read(GROUP, minPosition, () -> DecidimResults.write(asked,
                result -> queries.eachResult(filter, timelines, result))), "results.csv");
    }

    @GetMapping("/api/dashboard/scorecards")
    ResponseEntity<Page<Scorecard>> scorecards(@RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "50") int size,
                                               @RequestParam(name = WITHIN, defaultValue = "30") int within,
                                               @RequestParam(required = false) Long minPosition) {
        List<FieldError> errors = new ArrayList<>();
        Paging.check(page, size, errors);
        DashboardDay day = day(within, errors);
        return ReadResponses.at(positions.read(GROUP, minPosition, () -> queries.scorecards(day, page, size)));
    }

    @GetMapping("/api/dashboard/scorecards.csv")
    ResponseEntity<String> scorecardsCsv(@RequestParam(name = WITHIN, defaultValue = "30") int within,
                                         @RequestParam(required = false) Long minPosition) {
        DashboardDay day = day(within, new ArrayList<>());
        return ReadResponses.csv(positions.read(GROUP, minPosition,
                () -> DashboardCsv.scorecards(row -> queries.eachScorecard(day, row))), "scorecards.csv");
    }

    /** Everything an organisation committed to, as lead or co-signer, with its scorecard. */
    @GetMapping("/api/organisations/{organisationId}/commitments")
    ResponseEntity<OrganisationCommitments> ofOrganisation(@PathVariable String organisationId,
            @RequestParam(name = WITHIN, defaultValue = "30") int within,
            @RequestParam(required = false) Long minPosition) {
        DashboardDay day = day(within, new ArrayList<>());
        return ReadResponses.at(positions.read(GROUP, minPosition, () -> queries.ofOrganisation(organisationId, day))
                .map(found -> found.orElseThrow(() -> new NotFoundException("no organisation with this id"))));
    }

    private DashboardFilter filter(int within, List<FieldError> errors, String standing, String field, String kind,
                                   String organisation, String session, String sort, String direction) {
        DashboardDay day = checkedDay(within, errors);
        try {
            DashboardFilter filter = DashboardFilter.of(day, standing, field, kind, organisation, session, sort,
                    direction);
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
            return filter;
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
            throw new InvalidRequestException(errors);
        }
    }

    /** The day to read for, throwing when {@code errors} (with the day's own) is not empty. */
    private DashboardDay day(int within, List<FieldError> errors) {
        DashboardDay day = checkedDay(within, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return day;
    }

    private DashboardDay checkedDay(int within, List<FieldError> errors) {
        if (within < 0 || within > DashboardDay.MAX_WITHIN_DAYS) {
            errors.add(new FieldError(WITHIN, "must be between 0 and " + DashboardDay.MAX_WITHIN_DAYS));
        }
        return new DashboardDay(LocalDate.now(clock.withZone(QueryClock.CLUJ)), Math.max(0, within));
    }
}
