package ro.cluj.crt.query.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.cluj.crt.events.api.PersonView;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.catalogue.ContactViews;
import ro.cluj.crt.query.catalogue.OrganisationQueries;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.config.ReadResponses;
import ro.cluj.crt.query.recommendation.RecommendationProjection;
import ro.cluj.crt.query.recommendation.RecommendationQueries;
import ro.cluj.crt.support.api.ReadsBody;
import ro.cluj.crt.support.web.RequestReader;

/**
 * An admin finds a person by name or e-mail before erasing them: every set of details ever recorded for them counts,
 * current or not, as a contact person of an organisation or as the recommender of an initiative. Names are sealed in
 * the views, so the search opens them and compares in memory. It answers only what identifies a person (names,
 * e-mails, organisations), at most {@value #MAX_MATCHES} people, and the query travels in the body, never in an
 * address that proxies log.
 */
@RestController
class PersonSearchController {

    static final int MAX_MATCHES = 20;

    private final RequestReader reader;
    private final OrganisationQueries organisations;
    private final RecommendationQueries recommendations;
    private final ContactViews contacts;
    private final ProjectionPositions positions;

    PersonSearchController(RequestReader reader, OrganisationQueries organisations,
                           RecommendationQueries recommendations, ContactViews contacts,
                           ProjectionPositions positions) {
        this.reader = reader;
        this.organisations = organisations;
        this.recommendations = recommendations;
        this.contacts = contacts;
        this.positions = positions;
    }

    record Search(@NotBlank @Size(min = 3, max = 320) String query) {
    }

    /**
     * A person who matched: the names and e-mails the tracker holds for them, their organisations, and the
     * recommendations they sent.
     */
    record PersonMatch(String personId, Set<String> names, Set<String> emails, Set<String> organisationIds,
                       Set<String> recommendationIds) {
    }

    @PostMapping("/api/admin/persons/search")
    @ReadsBody(Search.class)
    ResponseEntity<List<PersonMatch>> search(@RequestBody JsonNode body,
                                             @RequestParam(required = false) Long minPosition) {
        String query = fold(reader.read(body, Search.class).query());
        return ReadResponses.at(positions.read(List.of(CatalogueProjection.PROCESSING_GROUP,
                RecommendationProjection.PROCESSING_GROUP), minPosition, () -> matches(query)));
    }

    private List<PersonMatch> matches(String query) {
        List<ContactViews.StoredContact> records = organisations.everyPersonRecord();
        List<PersonView> opened = contacts.of(records, true);
        Map<String, PersonMatch> people = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            PersonMatch match = add(people, opened.get(i));
            match.organisationIds().add(records.get(i).organisationId());
        }
        List<RecommendationQueries.Recommender> recommenders = recommendations.everyRecommender();
        for (RecommendationQueries.Recommender recommender : recommenders) {
            PersonMatch match = add(people, contacts.of(recommender.personId(), recommender.details(), true));
            match.recommendationIds().add(recommender.recommendationId());
        }
        return people.values().stream()
                .filter(person -> anyContains(person.names(), query) || anyContains(person.emails(), query))
                .limit(MAX_MATCHES)
                .toList();
    }

    private static PersonMatch add(Map<String, PersonMatch> people, PersonView person) {
        PersonMatch match = people.computeIfAbsent(person.id(),
                id -> new PersonMatch(id, new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>()));
        addIfPresent(match.names(), person.name());
        addIfPresent(match.emails(), person.email());
        return match;
    }

    private static void addIfPresent(Set<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }

    private static boolean anyContains(Set<String> values, String query) {
        return values.stream().anyMatch(value -> fold(value).contains(query));
    }

    /** Lower case without diacritics, so that "Ioana Pop" finds "IOANA POP" and "Ștefan" finds "Stefan". */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
