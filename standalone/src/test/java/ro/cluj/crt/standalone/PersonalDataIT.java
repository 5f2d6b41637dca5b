package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import ro.cluj.crt.command.CommandServiceApplication;
import ro.cluj.crt.personal.MasterKey;

/**
 * Contact people are personal data: sealed with their own key from the first event, shown only to staff, and erasable
 * for ever without rewriting a single event.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    private static final String ORGANISATION_NAME = "Asociatia Umbrela Verde";
    private static final Map<String, String> IOANA = Map.of("name", "Ioana Zăvoianu-Qx",
            "role", "Coordonatoare voluntari Qxz", "email", "ioana.qxz@example.ro", "phone", "+40 744 100 271",
            "preferredLanguage", "ro-qxzvw1");
    private static final Map<String, String> MIHAI = Map.of("name", "Mihai Brătescu-Zw",
            "role", "Director Zwq", "email", "mihai.zwq@example.ro", "phone", "+40 755 300 482",
            "preferredLanguage", "en-zwqk7");
    private static final Map<String, String> RADU = Map.of("name", "Radu Remov-Qk", "email", "radu.qk@example.ro");
    private static final String IOANA_NEW_EMAIL = "ioana.qxz.new@example.ro";

    @Test
    @Order(1)
    void anErasedPersonIsUnreadableEverywhereAndEveryoneElseIsIntact() throws Exception {
        TrackerClient staff = system.client().as("staff");
        TrackerClient admin = system.client().as("admin");
        String umbrela = create(staff, "/api/organisations",
                "{\"name\":\"" + ORGANISATION_NAME + "\",\"sector\":\"civil-society\"}");
        String spital = create(staff, "/api/organisations",
                "{\"name\":\"Spitalul Judetean\",\"sector\":\"public-authority\"}");
        String ioana = createContact(staff, umbrela, IOANA);
        String mihai = createContact(staff, umbrela, MIHAI);
        Map<String, String> mihaiAgain = new HashMap<>(MIHAI);
        mihaiAgain.put("personId", mihai);
        createContact(staff, spital, mihaiAgain);
        Map<String, String> ioanaChanged = new HashMap<>(IOANA);
        ioanaChanged.put("email", IOANA_NEW_EMAIL);
        TrackerClient.Response changed = staff.put("/api/organisations/" + umbrela + "/contacts/" + ioana,
                TrackerClient.json(ioanaChanged));
        assertThat(changed.status()).isEqualTo(200);

        JsonNode found = admin.postToQueries("/api/admin/persons/search?minPosition="
                + changed.json().get("position").asLong(), "{\"query\":\"zavoianu\"}").json();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("personId").asText()).isEqualTo(ioana);
        assertThat(found.get(0).toString()).as("only what identifies the person")
                .contains(IOANA.get("email"), IOANA_NEW_EMAIL).doesNotContain(IOANA.get("phone"));

        String radu = createContact(staff, spital, RADU);
        assertThat(staff.post("/api/organisations/" + spital + "/contacts/" + radu + "/removal",
                "{\"reason\":\"left\"}").status()).isEqualTo(200);
        String wrappedKey = wrappedKeyOf(ioana);
        assertThat(keyOffsetInTableFile(wrappedKey)).as("the live key is in the key table's file").isPositive();
        long lastBeforeErasure = system.count("SELECT max(global_index) FROM event_store.domain_event_entry");
        String historyBeforeErasure = system.database.historyDigest(lastBeforeErasure);
        TrackerClient.Response erased = admin.post("/api/admin/persons/" + ioana + "/erasure",
                "{\"requestReference\":\"REQ-2026-17\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(admin.post("/api/admin/persons/" + ioana + "/erasure", "{\"requestReference\":\"REQ-2026-18\"}")
                .status()).isEqualTo(409);
        Map<String, String> ioanaOnceMore = new HashMap<>(IOANA);
        ioanaOnceMore.put("personId", ioana);
        assertThat(staff.post("/api/organisations/" + spital + "/contacts", TrackerClient.json(ioanaOnceMore))
                .status()).isEqualTo(409);

        TrackerClient.Response corrected = staff.post("/api/organisations/" + umbrela + "/corrections",
                "{\"name\":\"" + ORGANISATION_NAME + "\",\"sector\":\"civil-society\",\"reason\":\"after erasure\"}");
        assertThat(corrected.status()).as("the aggregate still loads").isEqualTo(200);
        assertThat(system.client().as("admin").postToQueries("/api/admin/projections/catalogue/rebuild", "{}")
                .status()).isEqualTo(202);
        long position = corrected.json().get("position").asLong();

        JsonNode contacts = staff.get("/api/organisations/" + umbrela + "?minPosition=" + position).json()
                .get("contacts");
        JsonNode ioanaView = person(contacts, ioana);
        assertThat(ioanaView.get("erased").asBoolean()).isTrue();
        assertThat(ioanaView.get("erasedAt").asText()).isNotBlank();
        assertThat(ioanaView.has("name")).isFalse();
        assertThat(person(contacts, mihai).get("email").asText()).isEqualTo(MIHAI.get("email"));
        assertThat(person(contacts, mihai).get("name").asText()).isEqualTo(MIHAI.get("name"));
        JsonNode asMonitor = system.client().as("monitor").get("/api/organisations/" + umbrela).json().get("contacts");
        assertThat(person(asMonitor, mihai).get("withheld").asBoolean()).isTrue();
        assertThat(person(asMonitor, mihai).has("name")).isFalse();
        assertThat(person(asMonitor, ioana).get("erased").asBoolean()).isTrue();

        assertThat(system.database.historyDigest(lastBeforeErasure)).as("the events stay byte for byte")
                .isEqualTo(historyBeforeErasure);
        assertThat(admin.postToQueries("/api/admin/persons/search?minPosition=" + position,
                "{\"query\":\"remov-qk\"}").json().get(0).get("personId").asText())
                .as("a removed contact can still be found").isEqualTo(radu);
        awaitKeyGoneFromTableFile(wrappedKey);
        assertThat(occurrences(ORGANISATION_NAME)).as("the search finds what is there").isNotEmpty();
        List<String> ioanaValues = new ArrayList<>(IOANA.values());
        ioanaValues.add(IOANA_NEW_EMAIL);
        String log = Files.readString(system.logFile, StandardCharsets.UTF_8);
        assertThat(log).as("the log holds what the services logged").contains("destroyed the key of person " + ioana);
        for (String value : ioanaValues) {
            assertThat(occurrences(value)).as("where %s is stored in clear", value).isEmpty();
            assertThat(log).doesNotContain(value);
        }
        List<String> others = new ArrayList<>(MIHAI.values());
        others.addAll(RADU.values());
        for (String value : others) {
            assertThat(occurrences(value)).as("where %s is stored in clear", value).isEmpty();
            assertThat(log).doesNotContain(value);
        }
    }

    @Test
    @Order(2)
    void aServiceWithAnotherMasterKeyRefusesToStart() {
        TrackerClient staff = system.client().as("staff");
        String organisation = create(staff, "/api/organisations", "{\"name\":\"Cerc\",\"sector\":\"academia\"}");
        createContact(staff, organisation, Map.of("name", "Dana Key"));

        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandServiceApplication.class).run(
                "--spring.config.name=command-service", "--server.port=0",
                "--spring.datasource.url=" + system.database.url(),
                "--spring.datasource.username=" + TestDatabase.USER,
                "--crt.security.token-secret=" + RunningTracker.TOKEN_SECRET,
                "--crt.personal-data.master-key=" + MasterKey.generate(),
                // logging is one per JVM: keep writing where the running services write
                "--logging.file.name=" + system.logFile))
                .hasStackTraceContaining("the configured master key does not open the stored person keys");
    }

    /**
     * The cause of a destroyed key staying on disk: {@code VACUUM FULL} copies an updated row's old version into the
     * new file while any snapshot older than the update is open. The tracker must rewrite the table again once that
     * snapshot ends: the test itself rewrites it only while the snapshot is open.
     */
    @Test
    @Order(3)
    void aDestroyedKeyLeavesTheTableFileOnceTheSnapshotsOlderThanItsErasureEnd() throws Exception {
        TrackerClient staff = system.client().as("staff");
        String organisation = create(staff, "/api/organisations", "{\"name\":\"Pod\",\"sector\":\"academia\"}");
        String person = createContact(staff, organisation, Map.of("name", "Sorin Snap"));
        String wrappedKey = wrappedKeyOf(person);

        try (Connection older = system.database.connect()) {
            older.setAutoCommit(false);
            older.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            // a snapshot of another table: one of the key table would hold a lock that makes VACUUM FULL wait
            try (PreparedStatement snapshot = older.prepareStatement(
                    "SELECT count(*) FROM event_store.domain_event_entry")) {
                snapshot.executeQuery().close();
            }
            assertThat(system.client().as("admin").post("/api/admin/persons/" + person + "/erasure",
                    "{\"requestReference\":\"REQ-2026-31\"}").status()).isEqualTo(200);

            try (Connection connection = system.database.connect();
                 PreparedStatement vacuum = connection.prepareStatement("VACUUM FULL personal_data.person_key")) {
                vacuum.execute();
            }
            assertThat(keyOffsetInTableFile(wrappedKey)).as("VACUUM FULL keeps the old row for the older snapshot")
                    .isPositive();
            older.commit();
        }
        awaitKeyGoneFromTableFile(wrappedKey);
    }

    private static String wrappedKeyOf(String person) throws Exception {
        try (Connection connection = system.database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT encode(wrapped_key, 'hex') FROM personal_data.person_key WHERE person_id = ?")) {
            query.setString(1, person);
            try (ResultSet key = query.executeQuery()) {
                assertThat(key.next()).isTrue();
                return key.getString(1);
            }
        }
    }

    /** The destroyed key's bytes leave the key table's file, not only its live rows. */
    private static void awaitKeyGoneFromTableFile(String wrappedKeyHex) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        long found = keyOffsetInTableFile(wrappedKeyHex);
        while (found > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            found = keyOffsetInTableFile(wrappedKeyHex);
        }
        assertThat(found).as("offset of the destroyed key in the key table's file").isZero();
    }

    /**
     * Where the key's bytes are in the key table's file on disk, 0 if nowhere; a checkpoint first writes every
     * changed page out (as the superuser, like reading the file).
     */
    private static long keyOffsetInTableFile(String wrappedKeyHex) throws Exception {
        try (Connection connection = system.database.connect();
             PreparedStatement checkpoint = connection.prepareStatement("CHECKPOINT");
             PreparedStatement query = connection.prepareStatement("SELECT position(decode(?, 'hex') in "
                     + "pg_read_binary_file(pg_relation_filepath('personal_data.person_key')))")) {
            checkpoint.execute();
            query.setString(1, wrappedKeyHex);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static JsonNode person(JsonNode people, String id) {
        for (JsonNode person : people) {
            if (person.get("id").asText().equals(id)) {
                return person;
            }
        }
        throw new AssertionError("no person " + id + " in " + people);
    }

    private static String create(TrackerClient staff, String path, String body) {
        TrackerClient.Response response = staff.post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static String createContact(TrackerClient staff, String organisation, Map<String, String> contact) {
        TrackerClient.Response response = staff.post("/api/organisations/" + organisation + "/contacts",
                TrackerClient.json(contact));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("personId").asText();
    }

    /**
     * Every column of every table in the database that holds {@code value}, searched as text and as UTF-8 bytes:
     * {@code schema.table.column} for each hit.
     */
    private static List<String> occurrences(String value) throws Exception {
        List<String> hits = new ArrayList<>();
        try (Connection connection = system.database.connect()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT c.table_schema, c.table_name, c.column_name, c.data_type
                    FROM information_schema.columns c JOIN information_schema.tables t
                      ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                    WHERE t.table_type = 'BASE TABLE'
                      AND c.table_schema NOT IN ('pg_catalog', 'information_schema')""");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4)});
                }
            }
            assertThat(columns).hasSizeGreaterThan(20);
            for (String[] column : columns) {
                String name = "\"" + column[0] + "\".\"" + column[1] + "\"";
                String field = "\"" + column[2] + "\"";
                String condition = column[3].equals("bytea")
                        ? "position(convert_to(?, 'UTF8') in " + field + ") > 0"
                        + " OR position(? in encode(" + field + ", 'escape')) > 0"
                        : "position(? in " + field + "::text) > 0";
                try (PreparedStatement search = connection.prepareStatement(
                        "SELECT count(*) FROM " + name + " WHERE " + condition)) {
                    search.setString(1, value);
                    if (column[3].equals("bytea")) {
                        search.setString(2, value);
                    }
                    try (ResultSet count = search.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            hits.add(column[0] + "." + column[1] + "." + column[2]);
                        }
                    }
                }
            }
        }
        return hits;
    }
}
