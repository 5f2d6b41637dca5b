package ro.cluj.crt.query.catalogue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.ExternalReference;
import ro.cluj.crt.events.interview.InterviewAmended;
import ro.cluj.crt.events.interview.InterviewContent;
import ro.cluj.crt.events.interview.InterviewRecorded;
import ro.cluj.crt.events.interview.InterviewRetracted;
import ro.cluj.crt.events.interview.Measure;
import ro.cluj.crt.events.interview.SupportNeed;
import ro.cluj.crt.events.organisation.ContactPersonChanged;
import ro.cluj.crt.events.organisation.ContactPersonRecorded;
import ro.cluj.crt.events.organisation.ContactPersonRemoved;
import ro.cluj.crt.events.organisation.OrganisationDetails;
import ro.cluj.crt.events.organisation.OrganisationDetailsCorrected;
import ro.cluj.crt.events.organisation.OrganisationId;
import ro.cluj.crt.events.organisation.OrganisationRegistered;
import ro.cluj.crt.events.person.ContactDetails;
import ro.cluj.crt.events.person.PersonId;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.Vocabulary;
import ro.cluj.crt.query.config.ViewJson;

/**
 * The catalogue view: organisations with their interviews in their latest version, and the measures, support needs
 * and support offers of the interviews that count. Every row remembers the version of the last event applied to it,
 * so an event delivered twice changes nothing.
 */
@Component
@ProcessingGroup(CatalogueProjection.PROCESSING_GROUP)
public class CatalogueProjection {

    public static final String PROCESSING_GROUP = "catalogue";
    private final JdbcTemplate jdbc;

    public CatalogueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrganisationRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
        OrganisationDetails details = event.details();
        ExternalReference reference = event.externalReference();
        jdbc.update("""
                INSERT INTO organisation (organisation_id, version, name, sector, authority_level, fields, locality,
                                          external_source, external_id, registered_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (organisation_id) DO NOTHING""",
                event.organisationId().value(), version, details.name(), details.sector().code(),
                code(details.authorityLevel()), ViewJson.write(details.fields()), details.locality(),
                reference == null ? null : reference.source(), reference == null ? null : reference.id(),
                sqlTime(at));
    }

    @EventHandler
    void on(OrganisationDetailsCorrected event, @SequenceNumber long version, @Timestamp Instant at) {
        OrganisationDetails details = event.details();
        jdbc.update("""
                UPDATE organisation SET version = ?, name = ?, sector = ?, authority_level = ?, fields = ?::jsonb,
                                        locality = ?, corrected_at = ?
                WHERE organisation_id = ? AND version < ?""",
                version, details.name(), details.sector().code(), code(details.authorityLevel()),
                ViewJson.write(details.fields()), details.locality(), sqlTime(at), event.organisationId().value(),
                version);
    }

    @EventHandler
    void on(ContactPersonRecorded event, @SequenceNumber long version) {
        if (advance(event.organisationId(), version)) {
            jdbc.update("INSERT INTO contact_person (organisation_id, person_id, details) VALUES (?, ?, ?::jsonb)",
                    event.organisationId().value(), event.personId().value(), ViewJson.write(event.details()));
            keepRecord(event.personId(), event.organisationId(), version, event.details());
        }
    }

    @EventHandler
    void on(ContactPersonChanged event, @SequenceNumber long version) {
        if (advance(event.organisationId(), version)) {
            jdbc.update("UPDATE contact_person SET details = ?::jsonb WHERE organisation_id = ? AND person_id = ?",
                    ViewJson.write(event.details()), event.organisationId().value(), event.personId().value());
            keepRecord(event.personId(), event.organisationId(), version, event.details());
        }
    }

    @EventHandler
    void on(ContactPersonRemoved event, @SequenceNumber long version) {
        if (advance(event.organisationId(), version)) {
            jdbc.update("DELETE FROM contact_person WHERE organisation_id = ? AND person_id = ?",
                    event.organisationId().value(), event.personId().value());
        }
    }

    /** Keeps every set of details a person ever had, sealed, so that an admin can still find them. */
    private void keepRecord(PersonId person, OrganisationId organisation, long version, ContactDetails details) {
        jdbc.update("""
                INSERT INTO person_record (person_id, organisation_id, organisation_version, details)
                VALUES (?, ?, ?, ?::jsonb)""", person.value(), organisation.value(), version, ViewJson.write(details));
    }

    /** Moves the organisation's row to {@code version}; false when that event was applied already. */
    private boolean advance(OrganisationId organisation, long version) {
        return jdbc.update("UPDATE organisation SET version = ? WHERE organisation_id = ? AND version < ?",
                version, organisation.value(), version) == 1;
    }

    @EventHandler
    void on(InterviewRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
        InterviewContent content = event.content();
        ExternalReference reference = event.externalReference();
        int inserted = jdbc.update("""
                INSERT INTO interview (interview_id, organisation_id, version, status, interview_date, consent,
                                       source_name, source_licence, content, external_source, external_id,
                                       recorded_at)
                VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (interview_id) DO NOTHING""",
                event.interviewId().value(), event.organisationId().value(), version, content.date(),
                content.consent().code(), sourceName(content), sourceLicence(content), ViewJson.write(content),
                reference == null ? null : reference.source(), reference == null ? null : reference.id(),
                sqlTime(at));
        if (inserted == 1) {
            insertCounted(event.interviewId().value(), event.organisationId().value(), content);
        }
    }

    @EventHandler
    void on(InterviewAmended event, @SequenceNumber long version, @Timestamp Instant at) {
        InterviewContent content = event.content();
        String interviewId = event.interviewId().value();
        int updated = jdbc.update("""
                UPDATE interview SET version = ?, interview_date = ?, consent = ?, source_name = ?,
                                     source_licence = ?, content = ?::jsonb, amended_at = ?
                WHERE interview_id = ? AND version < ? AND status = 'active'""",
                version, content.date(), content.consent().code(), sourceName(content), sourceLicence(content),
                ViewJson.write(content), sqlTime(at), interviewId, version);
        if (updated == 1) {
            deleteCounted(interviewId);
            insertCounted(interviewId, event.organisationId().value(), content);
        }
    }

    @EventHandler
    void on(InterviewRetracted event, @SequenceNumber long version) {
        String interviewId = event.interviewId().value();
        int updated = jdbc.update(
                "UPDATE interview SET version = ?, status = 'retracted' WHERE interview_id = ? AND version < ?",
                version, interviewId, version);
        if (updated == 1) {
            deleteCounted(interviewId);
        }
    }

    @ResetHandler
    void reset() {
        // DELETE, not TRUNCATE: TRUNCATE is not MVCC-safe, so a read in an older snapshot could see emptied tables.
        for (String table : List.of("organisation", "contact_person", "person_record", "interview", "measure",
                "support_need", "support_offer")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    private void insertCounted(String interviewId, String organisationId, InterviewContent content) {
        String consent = content.consent().code();
        List<Object[]> measures = new ArrayList<>();
        for (int i = 0; i < content.measures().size(); i++) {
            Measure measure = content.measures().get(i);
            measures.add(new Object[] {interviewId, i, measure.measureId(), organisationId, measure.field().code(),
                consent});
        }
        jdbc.batchUpdate("""
                INSERT INTO measure (interview_id, position, measure_id, organisation_id, field, consent)
                VALUES (?, ?, ?, ?, ?, ?)""", measures);
        List<Object[]> needs = new ArrayList<>();
        for (int i = 0; i < content.supportNeeds().size(); i++) {
            SupportNeed need = content.supportNeeds().get(i);
            needs.add(new Object[] {interviewId, i, organisationId, need.kind().code(), code(need.horizon()),
                consent});
        }
        jdbc.batchUpdate("""
                INSERT INTO support_need (interview_id, position, organisation_id, kind, horizon, consent)
                VALUES (?, ?, ?, ?, ?, ?)""", needs);
        if (content.supportOffer() != null && content.supportOffer().willing()) {
            Set<Field> fields = new LinkedHashSet<>(content.supportOffer().fields());
            jdbc.batchUpdate("""
                    INSERT INTO support_offer (interview_id, field, organisation_id, consent)
                    VALUES (?, ?, ?, ?)""",
                    fields.stream().map(field -> new Object[] {interviewId, field.code(), organisationId, consent})
                            .toList());
        }
    }

    private void deleteCounted(String interviewId) {
        jdbc.update("DELETE FROM measure WHERE interview_id = ?", interviewId);
        jdbc.update("DELETE FROM support_need WHERE interview_id = ?", interviewId);
        jdbc.update("DELETE FROM support_offer WHERE interview_id = ?", interviewId);
    }

    private static String sourceName(InterviewContent content) {
        return content.source() == null ? null : content.source().name();
    }

    private static String sourceLicence(InterviewContent content) {
        return content.source() == null ? null : content.source().licence();
    }

    private static String code(Vocabulary value) {
        return value == null ? null : value.code();
    }

    private static OffsetDateTime sqlTime(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
