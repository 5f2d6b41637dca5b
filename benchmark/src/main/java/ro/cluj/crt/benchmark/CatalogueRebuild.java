package ro.cluj.crt.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ro.cluj.crt.events.ExternalReference;
import ro.cluj.crt.events.edition.EditionPublished;
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
import ro.cluj.crt.events.organisation.OrganisationRegistered;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.Vocabulary;
import ro.cluj.crt.query.config.ViewJson;
import ro.cluj.crt.support.store.EventRevisionResolver;
import ro.cluj.crt.support.store.StorageSerialization;

/**
 * The replay's baseline: the catalogue rebuilt by hand, as a developer would write it without a framework. One thread
 * empties the catalogue's tables, reads the catalogue's events in global order over one connection (a cursor, fetch
 * size {@value #FETCH_SIZE}), turns each payload into its event with the services' own storage mapper, and writes the
 * rows the catalogue's handlers write, through a second connection, as JDBC batches committed every
 * {@value #EVENTS_PER_COMMIT} events. Its tables start empty and it alone writes them, so it needs none of the
 * handlers' guards against an event applied twice: plain inserts.
 *
 * <p>It handles the two catalogue events the benchmark's history holds, registrations and recorded interviews, and
 * refuses any other event the catalogue handles (so it never claims a rebuild it did not do).
 */
final class CatalogueRebuild {

    /** The catalogue's tables, as its reset handlers empty them. */
    static final List<String> TABLES = List.of("organisation", "contact_person", "person_record", "interview",
            "measure", "support_need", "support_offer", "edition");
    static final int FETCH_SIZE = 1_000;
    static final int EVENTS_PER_COMMIT = 1_000;
    private static final Set<Class<?>> HANDLED = Set.of(OrganisationRegistered.class, InterviewRecorded.class);
    private static final Set<Class<?>> REFUSED = Set.of(OrganisationDetailsCorrected.class,
            ContactPersonRecorded.class, ContactPersonChanged.class, ContactPersonRemoved.class,
            InterviewAmended.class, InterviewRetracted.class, EditionPublished.class);

    private final String url;
    private final String schema;
    private final ObjectMapper json = StorageSerialization.storageMapper();
    private final EventRevisionResolver revisions = new EventRevisionResolver();

    /** @param url the database; {@code reWriteBatchedInserts=true} is added for the writing connection */
    CatalogueRebuild(String url, String schema) {
        this.url = url;
        this.schema = schema;
    }

    /** What one rebuild did. */
    record Result(long events, Duration elapsed) {

        /** Events in the store per second, as the replay's figure counts them. */
        double perSecond(long storeEvents) {
            return storeEvents / (elapsed.toNanos() / 1e9);
        }
    }

    Result run() throws SQLException {
        long began = System.nanoTime();
        long read = 0;
        Properties writing = new Properties();
        writing.setProperty("user", BenchDatabase.USER);
        writing.setProperty("reWriteBatchedInserts", "true");
        try (Connection reader = DriverManager.getConnection(url, BenchDatabase.USER, "");
             Connection writer = DriverManager.getConnection(url, writing)) {
            writer.setAutoCommit(false);
            empty(writer);
            reader.setAutoCommit(false);
            reader.setReadOnly(true);
            try (Writes writes = new Writes(writer);
                 PreparedStatement query = reader.prepareStatement("SELECT sequence_number, time_stamp, payload_type,"
                         + " payload_revision, payload FROM " + BenchDatabase.EVENT_TABLE
                         + " WHERE payload_type = ANY (?) ORDER BY global_index")) {
                query.setFetchSize(FETCH_SIZE);
                query.setArray(1, reader.createArrayOf("varchar", payloadTypes()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        apply(writes, rows);
                        if (++read % EVENTS_PER_COMMIT == 0) {
                            writes.commit();
                        }
                    }
                }
                writes.commit();
            }
            reader.commit();
        }
        return new Result(read, Duration.ofNanos(System.nanoTime() - began));
    }

    private void empty(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + schema + "." + table);
            }
        }
        writer.commit();
    }

    private static String[] payloadTypes() {
        return Stream.concat(HANDLED.stream(), REFUSED.stream()).map(Class::getName)
                .toArray(String[]::new);
    }

    private void apply(Writes writes, ResultSet row) throws SQLException {
        long version = row.getLong(1);
        Instant at = Instant.parse(row.getString(2));
        String type = row.getString(3);
        if (type.equals(InterviewRecorded.class.getName())) {
            writes.interview(parse(row, InterviewRecorded.class), version, at);
        } else if (type.equals(OrganisationRegistered.class.getName())) {
            writes.organisation(parse(row, OrganisationRegistered.class), version, at);
        } else {
            throw new IllegalStateException("the hand-written rebuild does not handle " + type + "; the benchmark's "
                    + "history should hold only " + HANDLED.stream().map(Class::getSimpleName).toList());
        }
    }

    private <T> T parse(ResultSet row, Class<T> type) throws SQLException {
        String revision = row.getString(4);
        if (!Objects.equals(revision, revisions.revisionOf(type))) {
            throw new IllegalStateException(type.getSimpleName() + " stored at revision " + revision
                    + ", which the hand-written rebuild does not read (it upcasts nothing)");
        }
        try {
            return json.readValue(row.getBytes(5), type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored " + type.getSimpleName() + " cannot be read", e);
        }
    }

    /** The writing connection's prepared inserts, one batch each, sent and committed together. */
    private final class Writes implements AutoCloseable {

        private final Connection connection;
        private final PreparedStatement organisations;
        private final PreparedStatement interviews;
        private final PreparedStatement measures;
        private final PreparedStatement needs;
        private final PreparedStatement offers;

        Writes(Connection connection) throws SQLException {
            this.connection = connection;
            organisations = connection.prepareStatement("INSERT INTO " + schema + ".organisation (organisation_id,"
                    + " version, name, sector, authority_level, fields, locality, external_source, external_id,"
                    + " registered_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)");
            interviews = connection.prepareStatement("INSERT INTO " + schema + ".interview (interview_id,"
                    + " organisation_id, version, status, interview_date, consent, source_name, source_licence,"
                    + " content, external_source, external_id, recorded_at)"
                    + " VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?::jsonb, ?, ?, ?)");
            measures = connection.prepareStatement("INSERT INTO " + schema + ".measure (interview_id, position,"
                    + " measure_id, organisation_id, field, consent) VALUES (?, ?, ?, ?, ?, ?)");
            needs = connection.prepareStatement("INSERT INTO " + schema + ".support_need (interview_id, position,"
                    + " organisation_id, kind, horizon, consent) VALUES (?, ?, ?, ?, ?, ?)");
            offers = connection.prepareStatement("INSERT INTO " + schema + ".support_offer (interview_id, field,"
                    + " organisation_id, consent) VALUES (?, ?, ?, ?)");
        }

        void organisation(OrganisationRegistered event, long version, Instant at) throws SQLException {
            OrganisationDetails details = event.details();
            ExternalReference reference = event.externalReference();
            organisations.setString(1, event.organisationId().value());
            organisations.setLong(2, version);
            organisations.setString(3, details.name());
            organisations.setString(4, details.sector().code());
            organisations.setString(5, code(details.authorityLevel()));
            organisations.setString(6, ViewJson.write(details.fields()));
            organisations.setString(7, details.locality());
            organisations.setString(8, reference == null ? null : reference.source());
            organisations.setString(9, reference == null ? null : reference.id());
            organisations.setObject(10, at.atOffset(ZoneOffset.UTC));
            organisations.addBatch();
        }

        void interview(InterviewRecorded event, long version, Instant at) throws SQLException {
            InterviewContent content = event.content();
            ExternalReference reference = event.externalReference();
            String interviewId = event.interviewId().value();
            String organisationId = event.organisationId().value();
            String consent = content.consent().code();
            interviews.setString(1, interviewId);
            interviews.setString(2, organisationId);
            interviews.setLong(3, version);
            interviews.setObject(4, content.date());
            interviews.setString(5, consent);
            interviews.setString(6, content.source() == null ? null : content.source().name());
            interviews.setString(7, content.source() == null ? null : content.source().licence());
            interviews.setString(8, ViewJson.write(content));
            interviews.setString(9, reference == null ? null : reference.source());
            interviews.setString(10, reference == null ? null : reference.id());
            interviews.setObject(11, at.atOffset(ZoneOffset.UTC));
            interviews.addBatch();
            for (int i = 0; i < content.measures().size(); i++) {
                Measure measure = content.measures().get(i);
                measures.setString(1, interviewId);
                measures.setInt(2, i);
                measures.setString(3, measure.measureId());
                measures.setString(4, organisationId);
                measures.setString(5, measure.field().code());
                measures.setString(6, consent);
                measures.addBatch();
            }
            for (int i = 0; i < content.supportNeeds().size(); i++) {
                SupportNeed need = content.supportNeeds().get(i);
                needs.setString(1, interviewId);
                needs.setInt(2, i);
                needs.setString(3, organisationId);
                needs.setString(4, need.kind().code());
                needs.setString(5, code(need.horizon()));
                needs.setString(6, consent);
                needs.addBatch();
            }
            if (content.supportOffer() != null && content.supportOffer().willing()) {
                for (Field field : new LinkedHashSet<>(content.supportOffer().fields())) {
                    offers.setString(1, interviewId);
                    offers.setString(2, field.code());
                    offers.setString(3, organisationId);
                    offers.setString(4, consent);
                    offers.addBatch();
                }
            }
        }

        void commit() throws SQLException {
            for (PreparedStatement batch : List.of(organisations, interviews, measures, needs, offers)) {
                batch.executeBatch();
            }
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : List.of(organisations, interviews, measures, needs, offers)) {
                statement.close();
            }
        }
    }

    private static String code(Vocabulary value) {
        return value == null ? null : value.code();
    }

    /**
     * Per catalogue table: its row count and an MD5 over the MD5s of its rows' text, sorted, so that two rebuilds can
     * be compared row for row (in any physical order) without holding the tables in memory.
     */
    static Map<String, String> digest(Connection connection, String schema) throws SQLException {
        Map<String, String> digests = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) || ' rows, md5 ' || coalesce(md5("
                        + "string_agg(r.h, '' ORDER BY r.h)), '-') FROM (SELECT md5(t::text) AS h FROM " + schema
                        + "." + table + " t) r")) {
                    rows.next();
                    digests.put(table, rows.getString(1));
                }
            }
        }
        return digests;
    }

    /** The tables whose digests differ, each with both digests; empty when the two rebuilds wrote the same rows. */
    static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        return expected.keySet().stream().filter(table -> !Objects.equals(expected.get(table), actual.get(table)))
                .map(table -> table + ": " + expected.get(table) + " vs " + actual.get(table))
                .collect(Collectors.toList());
    }
}
