package ro.cluj.crt.query.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import ro.cluj.crt.support.web.RequestReader;

/**
 * An admin finds a person by name or e-mail before erasing them. Names are sealed in the views, so the search opens
 * every contact person and compares in memory; the query travels in the body, never in an address that proxies log.
 */
@RestController
class PersonSearchController {

    private final RequestReader reader;
    private final OrganisationQueries organisations;
    private final ContactViews contacts;
    private final ProjectionPositions positions;

    PersonSearchController(RequestReader reader, OrganisationQueries organisations, ContactViews contacts,
                           ProjectionPositions positions) {
        this.reader = reader;
        this.organisations = organisations;
        this.contacts = contacts;
        this.positions = positions;
    }

    record Search(@NotBlank @Size(min = 2, max = 320) String query) {
    }

    /** A person who matched, with the organisations they are a contact of. */
    record PersonMatch(PersonView person, List<String> organisationIds) {
    }

    @PostMapping("/api/admin/persons/search")
    ResponseEntity<List<PersonMatch>> search(@RequestBody JsonNode body,
                                             @RequestParam(required = false) Long minPosition) {
        String query = fold(reader.read(body, Search.class).query());
        return ReadResponses.at(positions.read(CatalogueProjection.PROCESSING_GROUP, minPosition,
                () -> matches(query)));
    }

    private List<PersonMatch> matches(String query) {
        List<ContactViews.StoredContact> stored = organisations.allContacts();
        List<PersonView> views = contacts.of(stored, true);
        Map<String, PersonMatch> matches = new LinkedHashMap<>();
        for (int i = 0; i < views.size(); i++) {
            PersonView person = views.get(i);
            if (matches(person, query)) {
                matches.computeIfAbsent(person.id(), id -> new PersonMatch(person, new ArrayList<>()))
                        .organisationIds().add(stored.get(i).organisationId());
            }
        }
        return List.copyOf(matches.values());
    }

    private static boolean matches(PersonView person, String query) {
        return contains(person.name(), query) || contains(person.email(), query);
    }

    private static boolean contains(String value, String query) {
        return value != null && fold(value).contains(query);
    }

    /** Lower case without diacritics, so that "Ioana Pop" finds "IOANA POP" and "Ștefan" finds "Stefan". */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
