package ro.cluj.crt.query.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.ExternalReference;
import ro.cluj.crt.events.api.InterviewView;
import ro.cluj.crt.events.api.OrganisationProfile;
import ro.cluj.crt.events.api.OrganisationSummary;
import ro.cluj.crt.events.api.PersonView;
import ro.cluj.crt.events.api.Page;
import ro.cluj.crt.events.interview.InterviewContent;
import ro.cluj.crt.events.organisation.OrganisationDetails;
import ro.cluj.crt.events.person.ContactDetails;
import ro.cluj.crt.events.person.PersonId;
import ro.cluj.crt.events.vocabulary.AuthorityLevel;
import ro.cluj.crt.query.config.ViewJson;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.Sector;

/**
 * Reads organisations from the catalogue view. For the public, an organisation appears only with the interviews whose
 * consent is "publish", and only if it has one.
 */
@Component
public class OrganisationQueries {

    private static final String PUBLISHED = "i.status = 'active' AND i.consent = 'publish'";

    private final JdbcTemplate jdbc;
    private final ContactViews contactViews;

    public OrganisationQueries(JdbcTemplate jdbc, ContactViews contactViews) {
        this.jdbc = jdbc;
        this.contactViews = contactViews;
    }

    /**
     * @param everything   whether the reader sees every interview, not only published ones
     * @param personalData whether the reader may see contact people's details (else they are withheld)
     */
    public Optional<OrganisationProfile> profile(String organisationId, boolean everything, boolean personalData) {
        List<InterviewView> interviews = jdbc.query("SELECT * FROM interview i WHERE i.organisation_id = ?"
                        + (everything ? "" : " AND " + PUBLISHED)
                        + " ORDER BY i.interview_date DESC, i.recorded_at DESC, i.interview_id",
                OrganisationQueries::interview, organisationId);
        if (!everything && interviews.isEmpty()) {
            return Optional.empty();
        }
        List<PersonView> contacts = everything ? contactViews.of(contacts(organisationId), personalData) : List.of();
        return jdbc.query("SELECT * FROM organisation WHERE organisation_id = ?",
                (row, i) -> new OrganisationProfile(row.getString("organisation_id"), row.getLong("version"),
                        details(row), reference(row), contacts, interviews), organisationId).stream().findFirst();
    }

    /**
     * Every set of contact details ever recorded, current or not, with its organisation: what an admin searches to
     * find a person.
     */
    public List<ContactViews.StoredContact> everyPersonRecord() {
        return jdbc.query("""
                SELECT person_id, organisation_id, details FROM person_record
                ORDER BY person_id, organisation_id, organisation_version""",
                OrganisationQueries::contact);
    }

    private List<ContactViews.StoredContact> contacts(String organisationId) {
        return jdbc.query("""
                SELECT person_id, organisation_id, details FROM contact_person
                WHERE organisation_id = ? ORDER BY person_id""", OrganisationQueries::contact, organisationId);
    }

    private static ContactViews.StoredContact contact(ResultSet row, int rowNumber) throws SQLException {
        return new ContactViews.StoredContact(PersonId.of(row.getString("person_id")),
                row.getString("organisation_id"),
                ViewJson.read(row.getString("details"), new TypeReference<ContactDetails>() { }));
    }

    public Page<OrganisationSummary> list(int page, int size, boolean everything) {
        String visible = everything ? "i.status = 'active'" : PUBLISHED;
        String filter = everything ? "" : " WHERE EXISTS (SELECT 1 FROM interview i WHERE i.organisation_id = "
                + "o.organisation_id AND " + PUBLISHED + ")";
        long total = jdbc.queryForObject("SELECT count(*) FROM organisation o" + filter, Long.class);
        List<OrganisationSummary> items = jdbc.query("""
                SELECT o.organisation_id, o.name, o.sector, o.authority_level, o.locality,
                       (SELECT count(*) FROM interview i WHERE i.organisation_id = o.organisation_id AND %1$s)
                           AS interviews,
                       (SELECT count(*) FROM measure m JOIN interview i ON i.interview_id = m.interview_id
                         WHERE m.organisation_id = o.organisation_id AND %1$s) AS measures
                FROM organisation o %2$s
                ORDER BY o.name, o.organisation_id
                LIMIT ? OFFSET ?""".formatted(visible, filter),
                (row, i) -> new OrganisationSummary(row.getString("organisation_id"), row.getString("name"),
                        Sector.fromCode(row.getString("sector")), level(row), row.getString("locality"),
                        row.getLong("interviews"), row.getLong("measures")),
                size, (long) page * size);
        return new Page<>(items, page, size, total);
    }

    private static OrganisationDetails details(ResultSet row) throws SQLException {
        return new OrganisationDetails(row.getString("name"), Sector.fromCode(row.getString("sector")), level(row),
                ViewJson.read(row.getString("fields"), new TypeReference<List<Field>>() { }),
                row.getString("locality"));
    }

    private static AuthorityLevel level(ResultSet row) throws SQLException {
        String level = row.getString("authority_level");
        return level == null ? null : AuthorityLevel.fromCode(level);
    }

    private static InterviewView interview(ResultSet row, int rowNumber) throws SQLException {
        return new InterviewView(row.getString("interview_id"), row.getString("organisation_id"),
                row.getLong("version"), row.getString("status"),
                ViewJson.read(row.getString("content"), new TypeReference<InterviewContent>() { }), reference(row),
                instant(row, "recorded_at"), instant(row, "amended_at"));
    }

    private static ExternalReference reference(ResultSet row) throws SQLException {
        String source = row.getString("external_source");
        return source == null ? null : new ExternalReference(source, row.getString("external_id"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

}
