package ro.cluj.crt.query.recommendation;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.Page;
import ro.cluj.crt.events.api.PersonView;
import ro.cluj.crt.events.api.RecommendationSummary;
import ro.cluj.crt.events.api.RecommendationView;
import ro.cluj.crt.events.person.ContactDetails;
import ro.cluj.crt.events.person.PersonId;
import ro.cluj.crt.events.person.Sealed;
import ro.cluj.crt.events.vocabulary.TriageDecision;
import ro.cluj.crt.personal.PersonalDataVault;
import ro.cluj.crt.personal.Revealed;
import ro.cluj.crt.query.catalogue.ContactViews;
import ro.cluj.crt.query.config.Paging;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.config.ReadResponses;
import ro.cluj.crt.query.config.Readers;
import ro.cluj.crt.query.config.ViewJson;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * Recommendations as staff triage them. The list is for staff and holds no personal data; one recommendation shows
 * its recommender to staff, withheld to the other roles, erased to everyone after an erasure. The public reads none
 * of this (the security rules answer 401).
 */
@RestController
class RecommendationReadController {

    static final String NEW = "new";
    private static final List<String> STATUSES = statuses();

    private final JdbcTemplate jdbc;
    private final ProjectionPositions positions;
    private final ContactViews people;
    private final PersonalDataVault vault;

    RecommendationReadController(JdbcTemplate jdbc, ProjectionPositions positions, ContactViews people,
                                 PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.people = people;
        this.vault = vault;
    }

    /** Newest first, optionally only those with one status: new, accepted, duplicate or out-of-scope. */
    @GetMapping("/api/recommendations")
    ResponseEntity<Page<RecommendationSummary>> list(@RequestParam(required = false) String status,
                                                     @RequestParam(defaultValue = "0") int page,
                                                     @RequestParam(defaultValue = "50") int size,
                                                     @RequestParam(required = false) Long minPosition) {
        List<FieldError> errors = new ArrayList<>();
        Paging.check(page, size, errors);
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError("status", "must be one of " + String.join(", ", STATUSES)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return ReadResponses.at(positions.read(RecommendationProjection.PROCESSING_GROUP, minPosition,
                () -> page(status, page, size)));
    }

    @GetMapping("/api/recommendations/{recommendationId}")
    ResponseEntity<RecommendationView> one(@PathVariable String recommendationId,
                                           @RequestParam(required = false) Long minPosition) {
        boolean personalData = Readers.seesPersonalData();
        return ReadResponses.at(positions.read(RecommendationProjection.PROCESSING_GROUP, minPosition,
                () -> find(recommendationId, personalData))
                .map(found -> found.orElseThrow(() -> new NotFoundException("no recommendation with this id"))));
    }

    private Page<RecommendationSummary> page(String status, int page, int size) {
        String where = status == null ? "" : " WHERE status = ?";
        Object[] filter = status == null ? new Object[0] : new Object[] {status};
        Long total = jdbc.queryForObject("SELECT count(*) FROM recommendation" + where, Long.class, filter);
        List<Object> arguments = new ArrayList<>(Arrays.asList(filter));
        arguments.add(size);
        arguments.add((long) page * size);
        List<RecommendationSummary> items = jdbc.query("""
                SELECT recommendation_id, status, what, who_runs_it, field, received_at, triaged_at, version
                FROM recommendation""" + where + " ORDER BY received_at DESC, recommendation_id LIMIT ? OFFSET ?",
                (row, i) -> new RecommendationSummary(row.getString("recommendation_id"), row.getString("status"),
                        row.getString("what"), row.getString("who_runs_it"), row.getString("field"),
                        instant(row, "received_at"), instant(row, "triaged_at"), row.getLong("version")),
                arguments.toArray());
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    private Optional<RecommendationView> find(String id, boolean personalData) {
        List<RecommendationView> found = jdbc.query("SELECT * FROM recommendation WHERE recommendation_id = ?",
                (row, i) -> view(row, personalData, triages(id)), id);
        return found.stream().findFirst();
    }

    private RecommendationView view(ResultSet row, boolean personalData, List<RecommendationView.TriageEntry> triages)
            throws SQLException {
        PersonId recommenderId = PersonId.of(row.getString("recommender_id"));
        ContactDetails details = ViewJson.read(row.getString("recommender"), new TypeReference<ContactDetails>() { });
        PersonView recommender = people.of(recommenderId, details, personalData);
        String how = row.getString("how_to_reach_them");
        String howToReachThem = recommender.name() == null || how == null ? null
                : vault.openerFor(recommenderId).open(Sealed.of(how)) instanceof Revealed.Value value
                ? value.text() : null;
        return new RecommendationView(row.getString("recommendation_id"), row.getString("status"),
                row.getString("what"), row.getString("who_runs_it"), row.getString("field"), howToReachThem,
                personalData ? row.getBoolean("consent_to_contact") : null, recommender, instant(row, "received_at"),
                triages, row.getLong("version"));
    }

    private List<RecommendationView.TriageEntry> triages(String id) {
        return jdbc.query("""
                SELECT * FROM recommendation_triage WHERE recommendation_id = ? ORDER BY sequence_number""",
                (row, i) -> new RecommendationView.TriageEntry(row.getString("decision"),
                        row.getString("organisation_id"), row.getString("duplicate_of"), row.getString("reason"),
                        row.getBoolean("retriage"), row.getString("actor_id"), instant(row, "recorded_at")), id);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static List<String> statuses() {
        List<String> statuses = new ArrayList<>(List.of(NEW));
        Arrays.stream(TriageDecision.values()).map(TriageDecision::code).forEach(statuses::add);
        return List.copyOf(statuses);
    }
}
