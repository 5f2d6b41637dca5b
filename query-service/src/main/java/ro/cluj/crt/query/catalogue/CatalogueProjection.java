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
import org.springframework.beans.factory.annotation.Autowired;
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
import ro.cluj.crt.query.config.WriteBehind;

/**
 * The catalogue view: organisations with their interviews in their latest version, and the measures, support needs
 * and support offers of the interviews that count. Every row remembers the version of the last event applied to it,
 * so an event delivered twice changes nothing.
 *
 * <p>The processor's instance holds the writes of registrations, corrections and recorded interviews back until its
 * batch commits ({@link WriteBehind}): each of them is one statement that decides from the rows it finds what to do.
 * The rarer events whose handling reads a statement's count first send what is held.
 */
@Component
@ProcessingGroup(CatalogueProjection.PROCESSING_GROUP)
public class CatalogueProjection {

    public static final String PROCESSING_GROUP = "catalogue";
    private static final Set<String> ORGANISATION = Set.of("organisation");
    private static final Set<String> COUNTED = Set.of("interview", "measure", "support_need", "support_offer");
    /**
     * A recorded interview with its measures, support needs and support offer in one statement: the child rows are
     * inserted only when the interview's row is, so the statement is idempotent on its own and can be held back.
     */
    private static final String RECORD_INTERVIEW = """
            WITH recorded AS (
                INSERT INTO interview (interview_id, organisation_id, version, status, interview_date, consent,
                                       source_name, source_licence, content, external_source, external_id,
                                       recorded_at)
                VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (interview_id) DO NOTHING
                RETURNING interview_id, organisation_id, consent),
            measures AS (
                INSERT INTO measure (interview_id, position, measure_id, organisation_id, field, consent)
                SELECT r.interview_id, m.n - 1, m.measure_id, r.organisation_id, m.field, r.consent
                FROM recorded r, unnest(?::text[], ?::text[]) WITH ORDINALITY AS m(measure_id, field, n)),
            needs AS (
                INSERT INTO support_need (interview_id, position, organisation_id, kind, horizon, consent)
                SELECT r.interview_id, s.n - 1, r.organisation_id, s.kind, s.horizon, r.consent
                FROM recorded r, unnest(?::text[], ?::text[]) WITH ORDINALITY AS s(kind, horizon, n))
            INSERT INTO support_offer (interview_id, field, organisation_id, consent)
            SELECT r.interview_id, o.field, r.organisation_id, r.consent
            FROM recorded r, unnest(?::text[]) AS o(field)""";

    private final JdbcTemplate jdbc;
    private final WriteBehind writes;

    /** Writes at once: for replays that read the catalogue inside the transaction that builds it. */
    public CatalogueProjection(JdbcTemplate jdbc) {
        this(jdbc, WriteBehind.immediate(jdbc));
    }

    @Autowired
    CatalogueProjection(JdbcTemplate jdbc, WriteBehind writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(OrganisationRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
        OrganisationDetails details = event.details();
        ExternalReference reference = event.externalReference();
        writes.update("""
                INSERT INTO organisation (organisation_id, version, name, sector, authority_level, fields, locality,
                                          external_source, external_id, registered_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (organisation_id) DO NOTHING""", ORGANISATION,
                event.organisationId().value(), version, details.name(), details.sector().code(),
                code(details.authorityLevel()), ViewJson.write(details.fields()), details.locality(),
                reference == null ? null : reference.source(), reference == null ? null : reference.id(),
                sqlTime(at));
    }

    @EventHandler
    void on(OrganisationDetailsCorrected event, @SequenceNumber long version, @Timestamp Instant at) {
        OrganisationDetails details = event.details();
        writes.update("""
                UPDATE organisation SET version = ?, name = ?, sector = ?, authority_level = ?, fields = ?::jsonb,
                                        locality = ?, corrected_at = ?
                WHERE organisation_id = ? AND version < ?""", ORGANISATION,
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
        WriteBehind.flushPending();
        return jdbc.update("UPDATE organisation SET version = ? WHERE organisation_id = ? AND version < ?",
                version, organisation.value(), version) == 1;
    }

    @EventHandler
    void on(InterviewRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
        InterviewContent content = event.content();
        ExternalReference reference = event.externalReference();
        List<Measure> measures = content.measures();
        List<SupportNeed> needs = content.supportNeeds();
        writes.update(RECORD_INTERVIEW, COUNTED,
                event.interviewId().value(), event.organisationId().value(), version, content.date(),
                content.consent().code(), sourceName(content), sourceLicence(content), ViewJson.write(content),
                reference == null ? null : reference.source(), reference == null ? null : reference.id(),
                sqlTime(at),
                measures.stream().map(Measure::measureId).toArray(String[]::new),
                measures.stream().map(measure -> measure.field().code()).toArray(String[]::new),
                needs.stream().map(need -> need.kind().code()).toArray(String[]::new),
                needs.stream().map(need -> code(need.horizon())).toArray(String[]::new),
                offeredFields(content).stream().map(Field::code).toArray(String[]::new));
    }

    @EventHandler
    void on(InterviewAmended event, @SequenceNumber long version, @Timestamp Instant at) {
        InterviewContent content = event.content();
        String interviewId = event.interviewId().value();
        WriteBehind.flushPending();
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
        WriteBehind.flushPending();
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
        jdbc.batchUpdate("""
                INSERT INTO support_offer (interview_id, field, organisation_id, consent)
                VALUES (?, ?, ?, ?)""",
                offeredFields(content).stream()
                        .map(field -> new Object[] {interviewId, field.code(), organisationId, consent}).toList());
    }

    /** The fields of a willing support offer, each once, in the order given; none when there is no such offer. */
    private static Set<Field> offeredFields(InterviewContent content) {
        if (content.supportOffer() == null || !content.supportOffer().willing()) {
            return Set.of();
        }
        return new LinkedHashSet<>(content.supportOffer().fields());
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
