package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ro.cluj.crt.command.CommandServiceApplication;

/**
 * Auditors can check that the history is complete and unaltered: every event is sealed into the hash chain within
 * seconds, whatever order transactions commit in; the audit API reads the stream with its metadata and links; an
 * altered byte and a deleted event are named by global index; checkpoints verify with the published key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker("--crt.audit.checkpoint-every-links=5",
            "--crt.audit.checkpoint-interval=1s", "--crt.audit.unsealed-grace=3s", "--crt.audit.gap-timeout=1s",
            "--crt.audit.full-sweep-interval=2s");

    private static final String STAFF_ACCOUNT = "acc-staff-0001";
    private static final List<String> organisations = new ArrayList<>();
    private static String contactPerson;

    @Test
    @Order(1)
    void everyWriteIsSealedWithinSecondsAndTheChainVerifies() throws Exception {
        TrackerClient staff = system.client().as("staff");
        for (String name : List.of("Cerc Audit Unu", "Cerc Audit Doi", "Cerc Audit Trei")) {
            organisations.add(create(staff, "/api/organisations",
                    "{\"name\":\"" + name + "\",\"sector\":\"civil-society\"}"));
        }
        assertThat(staff.post("/api/organisations/" + organisations.getFirst() + "/corrections",
                "{\"name\":\"Cerc Audit Unu\",\"sector\":\"academia\",\"reason\":\"it is a university circle\"}")
                .status()).isEqualTo(200);
        TrackerClient.Response contact = staff.post("/api/organisations/" + organisations.get(1) + "/contacts",
                "{\"name\":\"Ilinca Auditescu-Qv\",\"email\":\"ilinca.qv@example.ro\"}");
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        contactPerson = contact.json().get("personId").asText();

        long millis = awaitAllSealed();

        assertThat(millis).as("sealed within a few seconds").isLessThan(5_000);
        JsonNode verification = auditor().get("/api/audit/chain/verification").json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("links").asLong()).isEqualTo(system.eventCount());
        assertThat(verification.get("lastLinkNumber").asLong()).isEqualTo(system.eventCount());
        assertThat(verification.get("headHash").asText()).hasSize(64);
        assertThat(staff.get("/api/audit/chain/verification").status()).isEqualTo(403);
        assertThat(system.client().get("/api/audit/chain/verification").status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void theAuditApiFiltersByAggregateTypeActorAndTimeAndPagesByPosition() {
        TrackerClient auditor = auditor();
        String first = organisations.getFirst();
        JsonNode history = auditor.get("/api/audit/events?aggregateId=" + first).json().get("events");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("type").asText()).isEqualTo("OrganisationRegistered");
        JsonNode correction = history.get(1);
        assertThat(correction.get("type").asText()).isEqualTo("OrganisationDetailsCorrected");
        assertThat(correction.get("metadata").get("actorId").asText()).isEqualTo(STAFF_ACCOUNT);
        assertThat(correction.get("metadata").get("actorRole").asText()).isEqualTo("staff");
        assertThat(correction.get("metadata").get("reason").asText()).isEqualTo("it is a university circle");
        assertThat(correction.get("metadata").get("correlationId").asText()).isNotBlank();
        assertThat(correction.get("metadata").get("causationId").asText()).isNotBlank();
        assertThat(correction.get("payload").get("details").get("sector").asText()).isEqualTo("academia");
        assertThat(correction.get("link").get("hash").asText()).hasSize(64);
        assertThat(correction.get("link").get("previousHash").asText()).hasSize(64);

        JsonNode registered = auditor.get("/api/audit/events?type=OrganisationRegistered").json().get("events");
        assertThat(registered).hasSize(3);
        registered.forEach(event -> assertThat(event.get("payloadType").asText()).endsWith(".OrganisationRegistered"));
        assertThat(auditor.get("/api/audit/events?type=ro.cluj.crt.events.organisation.OrganisationRegistered").json()
                .get("events")).hasSize(3);
        assertThat(auditor.get("/api/audit/events?actorId=" + STAFF_ACCOUNT).json().get("events"))
                .hasSize((int) system.eventCount());
        assertThat(auditor.get("/api/audit/events?actorId=acc-admin-0001").json().get("events")).isEmpty();
        assertThat(auditor.get("/api/audit/events?from=2000-01-01T00:00:00Z&to=" + Instant.now().plusSeconds(60))
                .json().get("events")).hasSize((int) system.eventCount());
        assertThat(auditor.get("/api/audit/events?from=" + Instant.now().plusSeconds(3600)).json().get("events"))
                .isEmpty();

        JsonNode page = auditor.get("/api/audit/events?limit=2").json();
        assertThat(page.get("events")).hasSize(2);
        assertThat(page.get("more").asBoolean()).isTrue();
        long next = page.get("next").asLong();
        assertThat(next).isEqualTo(page.get("events").get(1).get("position").asLong());
        Set<Long> positions = new HashSet<>();
        long after = 0;
        while (true) {
            JsonNode more = auditor.get("/api/audit/events?limit=2&after=" + after).json();
            more.get("events").forEach(event -> assertThat(positions.add(event.get("position").asLong())).isTrue());
            if (!more.get("more").asBoolean()) {
                break;
            }
            after = more.get("next").asLong();
        }
        assertThat(positions).hasSize((int) system.eventCount());

        JsonNode bad = auditor.get("/api/audit/events?limit=1001&from=yesterday&after=-1").json();
        assertThat(bad.get("type").asText()).isEqualTo("/problems/invalid-request");
        assertThat(bad.get("errors").findValuesAsText("field")).containsExactly("after", "from", "limit");
        assertThat(auditor.get("/api/audit/aggregates/" + first + "/events").json()).hasSize(2);
        assertThat(auditor.get("/api/audit/aggregates/no-such-aggregate/events").status()).isEqualTo(404);
        assertThat(system.client().as("monitor").get("/api/audit/events").status()).isEqualTo(403);
        assertThat(system.client().as("admin").get("/api/audit/events").status()).isEqualTo(403);
        assertThat(system.client().get("/api/audit/events").status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void anErasureLeavesTheSealedBytesAndTheChainValid() throws Exception {
        TrackerClient.Response erased = system.client().as("admin").post("/api/admin/persons/" + contactPerson
                + "/erasure", "{\"requestReference\":\"REQ-AUDIT-1\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        awaitAllSealed();

        JsonNode verification = auditor().get("/api/audit/chain/verification").json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        JsonNode events = auditor().get("/api/audit/events?aggregateId=" + organisations.get(1)).json();
        assertThat(events.toString()).as("sealed personal data stays sealed").doesNotContain("Auditescu")
                .contains("ContactPersonRecorded");
        assertThat(auditor().get("/api/audit/events?type=PersonErased").json().get("events").get(0)
                .get("metadata").get("actorId").asText()).isEqualTo("acc-admin-0001");
    }

    @Test
    @Order(4)
    void checkpointsAreSignedWithThePublishedPublicKey() throws Exception {
        TrackerClient anyone = system.client();
        JsonNode checkpoints = anyone.get("/api/audit/checkpoints").json();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (checkpoints.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            checkpoints = anyone.get("/api/audit/checkpoints").json();
        }
        assertThat(checkpoints).isNotEmpty();
        JsonNode published = anyone.get("/api/audit/public-key").json();
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(published.get("publicKey").asText())));

        for (JsonNode checkpoint : checkpoints) {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(checkpoint.get("statement").asText().getBytes(StandardCharsets.UTF_8));
            assertThat(signature.verify(Base64.getDecoder().decode(checkpoint.get("signature").asText())))
                    .as("signature of checkpoint %s", checkpoint).isTrue();
            assertThat(checkpoint.get("statement").asText()).contains("head-hash: " + checkpoint.get("headHash")
                    .asText(), "key-id: " + published.get("keyId").asText());
            assertThat(checkpoint.get("headHash").asText()).isEqualTo(linkHash(checkpoint.get("linkNumber").asLong()));
        }
        Signature forged = Signature.getInstance("Ed25519");
        forged.initVerify(key);
        forged.update(checkpoints.get(0).get("statement").asText().replace("link-number: ", "link-number: 1")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(forged.verify(Base64.getDecoder().decode(checkpoints.get(0).get("signature").asText()))).isFalse();
    }

    @Test
    @Order(5)
    void aRolledBackGapDoesNotStopSealingAndALateEventIsSealedOnce() throws Exception {
        long rolledBack;
        long reserved;
        try (Connection connection = system.database.connect()) {
            connection.setAutoCommit(false);
            rolledBack = insertEvent(connection, null, "rolled-back-" + UUID.randomUUID());
            connection.rollback();
            connection.setAutoCommit(true);
            reserved = single(connection, "SELECT nextval('event_store.domain_event_entry_global_index_seq')");
        }
        TrackerClient staff = system.client().as("staff");
        organisations.add(create(staff, "/api/organisations", "{\"name\":\"Cerc Dupa Gol\",\"sector\":\"other\"}"));
        awaitAllSealed();
        long headBefore = system.count("SELECT max(link_number) FROM event_store.event_chain");
        assertThat(system.count("SELECT max(global_index) FROM event_store.event_chain")).isGreaterThan(reserved);

        try (Connection connection = system.database.connect()) {
            insertEvent(connection, reserved, "late-" + UUID.randomUUID());
        }
        awaitAllSealed();
        Thread.sleep(1_000);

        assertThat(system.count("SELECT count(*) FROM event_store.event_chain WHERE global_index = " + reserved))
                .isEqualTo(1);
        assertThat(system.count("SELECT link_number FROM event_store.event_chain WHERE global_index = " + reserved))
                .as("sealed as a new link at the head").isEqualTo(headBefore + 1);
        assertThat(system.count("SELECT count(*) FROM event_store.event_chain WHERE global_index = " + rolledBack))
                .isZero();
        assertThat(system.count("SELECT count(*) FROM event_store.event_chain")).isEqualTo(system.eventCount());
        JsonNode verification = auditor().get("/api/audit/chain/verification").json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    @Order(6)
    void anEventCommittedIntoAHoleLongAfterTheGapTimeoutIsSealedOnceByTheSweep() throws Exception {
        long reserved;
        try (Connection connection = system.database.connect()) {
            reserved = single(connection, "SELECT nextval('event_store.domain_event_entry_global_index_seq')");
        }
        TrackerClient staff = system.client().as("staff");
        organisations.add(create(staff, "/api/organisations", "{\"name\":\"Cerc Dupa Termen\",\"sector\":\"other\"}"));
        awaitAllSealed();
        Thread.sleep(2_500); // the hole is no longer watched: only the sweep can find what commits into it now

        try (Connection connection = system.database.connect()) {
            insertEvent(connection, reserved, "very-late-" + UUID.randomUUID());
        }
        long waited = awaitAllSealed();

        assertThat(system.count("SELECT count(*) FROM event_store.event_chain WHERE global_index = " + reserved))
                .isEqualTo(1);
        assertThat(waited).as("found by a sweep every 2 s").isLessThan(5_000);
        assertThat(system.count("SELECT count(*) FROM event_store.event_chain")).isEqualTo(system.eventCount());
        JsonNode verification = auditor().get("/api/audit/chain/verification").json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    @Order(7)
    void sealingKeepsUpWithASteadyLoad() throws Exception {
        TrackerClient staff = system.client().as("staff");
        String organisation = organisations.getFirst();
        long from = system.count("SELECT max(global_index) FROM event_store.domain_event_entry");
        long start = System.nanoTime();
        for (int i = 0; i < 150; i++) {
            long due = start + i * 50_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            assertThat(staff.post("/api/organisations/" + organisation + "/corrections",
                    "{\"name\":\"Cerc Audit Unu\",\"sector\":\"" + (i % 2 == 0 ? "other" : "academia")
                            + "\",\"reason\":\"load " + i + "\"}").status()).isEqualTo(200);
        }
        awaitAllSealed();

        try (Connection connection = system.database.connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT count(*),
                            percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms),
                            percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms), max(lag_ms)
                     FROM (SELECT extract(epoch FROM c.sealed_at - e.time_stamp::timestamptz) * 1000 AS lag_ms
                           FROM event_store.event_chain c
                           JOIN event_store.domain_event_entry e ON e.global_index = c.global_index
                           WHERE e.global_index > ?) lags""")) {
            query.setLong(1, from);
            try (ResultSet lags = query.executeQuery()) {
                lags.next();
                System.out.printf("sealing lag over %d events at 20 writes/s: median %.0f ms, p99 %.0f ms, "
                        + "max %.0f ms%n", lags.getLong(1), lags.getDouble(2), lags.getDouble(3), lags.getDouble(4));
                assertThat(lags.getLong(1)).isEqualTo(150);
                assertThat(lags.getDouble(3)).as("p99 sealing lag in ms").isLessThan(2_000);
            }
        }
    }

    @Test
    @Order(8)
    void anAlteredByteIsNamedByItsGlobalIndexAndRestoringItMendsTheChain() throws Exception {
        long altered = system.count("SELECT min(global_index) FROM event_store.domain_event_entry "
                + "WHERE position(convert_to('Cerc Audit Trei', 'UTF8') in payload) > 0");
        String flip = "UPDATE event_store.domain_event_entry SET payload = set_byte(payload, "
                + "position(convert_to('Trei', 'UTF8') in payload) - 1, ascii(?)) WHERE global_index = ?";
        execute(flip.replace("'Trei'", "'Trei'"), "S", altered);

        JsonNode broken = auditor().get("/api/audit/chain/verification").json();

        assertThat(broken.get("valid").asBoolean()).isFalse();
        assertThat(broken.get("firstProblem").get("kind").asText()).isEqualTo("hash-mismatch");
        assertThat(broken.get("firstProblem").get("globalIndex").asLong()).isEqualTo(altered);
        assertThat(broken.get("problemCount").asLong()).isEqualTo(1);
        execute(flip.replace("'Trei'", "'Srei'"), "T", altered);
        assertThat(auditor().get("/api/audit/chain/verification").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    @Order(9)
    void aDeletedEventIsNamedByItsGlobalIndex() throws Exception {
        long deleted = system.count("SELECT max(global_index) FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier LIKE 'late-%'");
        execute("DELETE FROM event_store.domain_event_entry WHERE global_index = ?", null, deleted);

        JsonNode broken = auditor().get("/api/audit/chain/verification").json();

        assertThat(broken.get("valid").asBoolean()).isFalse();
        assertThat(broken.get("problems")).hasSize(1);
        assertThat(broken.get("firstProblem").get("kind").asText()).isEqualTo("event-missing");
        assertThat(broken.get("firstProblem").get("globalIndex").asLong()).isEqualTo(deleted);
    }

    @Test
    @Order(10)
    void aSecondCommandServiceStaysIdleWhileTheFirstSeals() throws Exception {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CommandServiceApplication.class)
                .run("--spring.config.name=command-service", "--server.port=0",
                        "--spring.datasource.url=" + system.database.url(),
                        "--spring.datasource.username=" + TestDatabase.USER,
                        "--crt.security.token-secret=" + RunningTracker.TOKEN_SECRET,
                        "--crt.personal-data.master-key=" + RunningTracker.MASTER_KEY,
                        "--crt.audit.leadership-retry=200ms", "--logging.file.name=" + system.logFile)) {
            Thread.sleep(1_000);
            assertThat(system.count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                    + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))
                    .as("one sealer holds the lock").isEqualTo(1);
            TrackerClient staff = system.client().as("staff");
            create(staff, "/api/organisations", "{\"name\":\"Cerc Doua Instante\",\"sector\":\"other\"}");
            awaitAllSealed();
            assertThat(system.count("SELECT count(*) FROM event_store.event_chain"))
                    .isEqualTo(system.count("SELECT max(link_number) FROM event_store.event_chain"));
        }
    }

    private static TrackerClient auditor() {
        return system.client().as("auditor");
    }

    /** Waits until every event has a link; answers how long that took. */
    private static long awaitAllSealed() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + 10_000_000_000L;
        String unsealed = "SELECT count(*) FROM event_store.domain_event_entry e WHERE NOT EXISTS "
                + "(SELECT 1 FROM event_store.event_chain c WHERE c.global_index = e.global_index)";
        while (system.count(unsealed) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(system.count(unsealed)).as("events without a link").isZero();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String linkHash(long linkNumber) throws SQLException {
        try (Connection connection = system.database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT encode(hash, 'hex') FROM event_store.event_chain "
                     + "WHERE link_number = " + linkNumber)) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    /** Inserts an event no handler knows, at the given global index or the next one; answers its index. */
    private static long insertEvent(Connection connection, Long globalIndex, String aggregate) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event_store.domain_event_entry "
                + "(global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                + "payload_type, payload_revision, payload, meta_data) VALUES (coalesce(?, nextval("
                + "'event_store.domain_event_entry_global_index_seq')), ?, ?, 0, 'AuditTest', ?, "
                + "'ro.cluj.crt.test.AuditProbe', NULL, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8')) "
                + "RETURNING global_index")) {
            insert.setObject(1, globalIndex);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, aggregate);
            insert.setString(4, Instant.now().toString());
            insert.setString(5, TrackerClient.json(Map.of("actorId", "audit-test")));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void execute(String sql, String text, long globalIndex) throws SQLException {
        try (Connection connection = system.database.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameter = 1;
            if (text != null) {
                statement.setString(parameter++, text);
            }
            statement.setLong(parameter, globalIndex);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static String create(TrackerClient client, String path, String body) {
        TrackerClient.Response response = client.post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }
}
