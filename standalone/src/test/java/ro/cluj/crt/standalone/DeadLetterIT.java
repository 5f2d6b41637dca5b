package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A projection that cannot apply an event parks it with its error and goes on with the other aggregates; the
 * aggregate's later events wait behind it; admins (only they) list, retry and evict; a rebuild parks it afresh
 * instead of twice; after the fix a retry applies everything in order and the view matches the event table again.
 * The failure is real: a trigger on the view's table refuses updates of chosen organisations, with personal-looking
 * data in its message that must go nowhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLetterIT {

    private static final String QUOTED_DATA = "Ana Popescu-Dlq ana.dlq@example.ro";
    private static final String LETTERS = "/api/admin/dead-letters/catalogue";

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    private static String poisoned;
    private static String healthy;
    private static String evicted;
    private static long lastPosition;

    @Test
    @Order(1)
    void anEventTheViewRefusesIsParkedWhileOtherAggregatesGoOn() throws SQLException {
        TrackerClient staff = system.client().as("staff");
        poisoned = register(staff, "Asociatia Otravita");
        healthy = register(staff, "Asociatia Sanatoasa");
        evicted = register(staff, "Asociatia Evacuata");
        execute("CREATE FUNCTION crt_query.refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$ "
                + "BEGIN RAISE EXCEPTION 'refused for %', '" + QUOTED_DATA + "'; END $$");
        execute("""
                CREATE TRIGGER refuse_update BEFORE UPDATE ON crt_query.organisation FOR EACH ROW
                WHEN (NEW.organisation_id IN ('%s', '%s')) EXECUTE FUNCTION crt_query.refuse_update()"""
                .formatted(poisoned, evicted));

        correct(staff, poisoned, "Asociatia Otravita Doi");
        correct(staff, poisoned, "Asociatia Otravita Trei");
        correct(staff, healthy, "Asociatia Sanatoasa Doi");
        lastPosition = correct(staff, evicted, "Asociatia Evacuata Doi");

        // the first failure rolls its batch back; the processor claims the segment again within seconds
        TrackerClient.Response profile = awaitRead(staff, "/api/organisations/" + healthy + "?minPosition="
                + lastPosition);
        assertThat(profile.json().at("/details/name").asText()).isEqualTo("Asociatia Sanatoasa Doi");
        assertThat(viewName(poisoned)).isEqualTo("Asociatia Otravita");
        assertThat(viewName(evicted)).isEqualTo("Asociatia Evacuata");
    }

    @Test
    @Order(2)
    void adminsSeeEachParkedEventWithItsErrorButNotTheDataItQuoted() throws Exception {
        TrackerClient admin = system.client().as("admin");
        JsonNode counts = admin.get("/api/admin/dead-letters").json();
        assertThat(counts.get("catalogue").asLong()).isEqualTo(3);
        assertThat(counts.get("commitments").asLong()).isZero();

        TrackerClient.Response list = admin.get(LETTERS + "?page=0&size=10");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("total").asLong()).isEqualTo(3);
        Map<Long, JsonNode> ofPoisoned = new HashMap<>();
        list.json().get("items").forEach(item -> {
            if (item.get("aggregateId").asText().equals(poisoned)) {
                ofPoisoned.put(item.get("sequence").asLong(), item);
            }
        });
        JsonNode first = ofPoisoned.get(1L);
        assertThat(first.get("eventId").asText()).isEqualTo(eventId(poisoned, 1));
        assertThat(first.get("eventType").asText()).isEqualTo("OrganisationDetailsCorrected");
        assertThat(first.get("attempts").asLong()).isEqualTo(1);
        assertThat(first.get("waitsBehind").isNull()).isTrue();
        assertThat(first.get("firstFailed").asText()).endsWith("Z");
        assertThat(first.at("/error/message").asText()).contains("SQL state P0001");
        JsonNode second = ofPoisoned.get(2L);
        assertThat(second.get("eventId").asText()).isEqualTo(eventId(poisoned, 2));
        assertThat(second.get("waitsBehind").asText()).isEqualTo(first.get("eventId").asText());
        assertThat(second.get("attempts").asLong()).isZero();

        assertThat(list.body()).doesNotContain("Popescu", "example.ro");
        assertThat(system.count(
                "SELECT count(*) FROM crt_query.dead_letter_entry WHERE cause_message LIKE '%Popescu%'")).isZero();
        assertThat(Files.readString(system.logFile)).contains("event parked in the dead-letter queue");
    }

    @Test
    @Order(3)
    void onlyAdminsReachTheQueue() {
        String head = eventId(poisoned, 1);
        assertThat(system.client().get(LETTERS).status()).isEqualTo(401);
        assertThat(system.client().postToQueries(LETTERS + "/retry", "{}").status()).isEqualTo(401);
        for (String role : new String[] {"staff", "auditor", "monitor"}) {
            TrackerClient other = system.client().as(role);
            assertThat(other.get(LETTERS).status()).as(role).isEqualTo(403);
            assertThat(other.postToQueries(LETTERS + "/" + head + "/retry", "{}").status()).as(role).isEqualTo(403);
            assertThat(other.deleteFromQueries(LETTERS + "/" + head).status()).as(role).isEqualTo(403);
        }
        assertThat(system.count("SELECT count(*) FROM crt_query.dead_letter_entry")).isEqualTo(3);
    }

    @Test
    @Order(4)
    void aRebuildStartsTheQueueOverInsteadOfHoldingAnEventTwice() {
        TrackerClient admin = system.client().as("admin");
        assertThat(admin.postToQueries("/api/admin/projections/catalogue/rebuild", "{}").status()).isEqualTo(202);

        TrackerClient.Response caughtUp = admin.get("/api/organisations/" + healthy + "?minPosition=" + lastPosition);
        assertThat(caughtUp.json().at("/details/name").asText()).isEqualTo("Asociatia Sanatoasa Doi");
        assertThat(system.count("SELECT count(*) FROM crt_query.dead_letter_entry")).isEqualTo(3);
        assertThat(system.count("SELECT count(DISTINCT event_identifier) FROM crt_query.dead_letter_entry"))
                .isEqualTo(3);
        assertThat(viewName(poisoned)).isEqualTo("Asociatia Otravita");
    }

    @Test
    @Order(5)
    void aRetryBeforeTheFixFailsAgainAndAWaitingEventCannotJumpTheQueue() {
        TrackerClient admin = system.client().as("admin");
        TrackerClient.Response jump = admin.postToQueries(LETTERS + "/" + eventId(poisoned, 2) + "/retry", "{}");
        assertThat(jump.status()).isEqualTo(409);
        assertThat(jump.body()).contains(eventId(poisoned, 1));

        TrackerClient.Response retry = admin.postToQueries(LETTERS + "/" + eventId(poisoned, 1) + "/retry", "{}");
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("applied").asInt()).isZero();
        assertThat(retry.json().get("failed").asInt()).isEqualTo(1);
        assertThat(retry.json().get("remaining").asLong()).isEqualTo(3);
        assertThat(viewName(poisoned)).isEqualTo("Asociatia Otravita");
        JsonNode items = admin.get(LETTERS).json().get("items");
        items.forEach(item -> {
            if (item.get("eventId").asText().equals(eventId(poisoned, 1))) {
                assertThat(item.get("attempts").asLong()).isEqualTo(2);
            }
        });

        assertThat(admin.get("/api/admin/dead-letters/no-such-group").status()).isEqualTo(404);
        assertThat(admin.postToQueries(LETTERS + "/no-such-event/retry", "{}").status()).isEqualTo(404);
        assertThat(admin.get(LETTERS + "?size=0").status()).isEqualTo(400);
    }

    @Test
    @Order(6)
    void anEvictedEventLeavesTheQueueForGood() {
        TrackerClient admin = system.client().as("admin");
        String letter = eventId(evicted, 1);
        assertThat(admin.deleteFromQueries(LETTERS + "/" + letter).status()).isEqualTo(204);
        assertThat(admin.deleteFromQueries(LETTERS + "/" + letter).status()).isEqualTo(404);
        assertThat(admin.get(LETTERS).json().get("total").asLong()).isEqualTo(2);
        assertThat(viewName(evicted)).isEqualTo("Asociatia Evacuata");
    }

    @Test
    @Order(7)
    void afterTheFixARetryAppliesEverythingInOrderAndTheViewMatchesTheEvents() throws SQLException {
        execute("DROP TRIGGER refuse_update ON crt_query.organisation");
        TrackerClient admin = system.client().as("admin");

        TrackerClient.Response retry = admin.postToQueries(LETTERS + "/retry", "{}");
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("applied").asInt()).isEqualTo(1);
        assertThat(retry.json().get("failed").asInt()).isZero();
        assertThat(retry.json().get("remaining").asLong()).isZero();
        assertThat(admin.get(LETTERS).json().get("total").asLong()).isZero();

        assertThat(viewName(poisoned)).isEqualTo("Asociatia Otravita Trei");
        assertThat(system.count("""
                SELECT count(*) FROM crt_query.organisation o
                JOIN (SELECT aggregate_identifier, max(sequence_number) AS version
                      FROM event_store.domain_event_entry GROUP BY aggregate_identifier) e
                  ON e.aggregate_identifier = o.organisation_id
                WHERE o.version = e.version AND o.organisation_id IN ('%s', '%s')""".formatted(poisoned, healthy)))
                .isEqualTo(2);
        // the evicted correction is never applied; the next event of that organisation is, as usual
        TrackerClient staff = system.client().as("staff");
        long position = correct(staff, evicted, "Asociatia Evacuata Trei");
        assertThat(staff.get("/api/organisations/" + evicted + "?minPosition=" + position).json()
                .at("/details/name").asText()).isEqualTo("Asociatia Evacuata Trei");
    }

    @Test
    @Order(8)
    void noLogLineQuotesTheDataTheFailuresQuoted() throws Exception {
        String log = Files.readString(system.logFile);
        assertThat(log).contains("event parked in the dead-letter queue", "dead letters retried");
        assertThat(log).doesNotContain("Popescu", "ana.dlq@");
    }

    private static TrackerClient.Response awaitRead(TrackerClient client, String path) {
        TrackerClient.Response read = client.get(path);
        for (int tries = 1; read.status() == 503 && tries < 4; tries++) {
            read = client.get(path);
        }
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read;
    }

    private static String register(TrackerClient staff, String name) {
        TrackerClient.Response created = staff.post("/api/organisations",
                "{\"name\":\"" + name + "\",\"sector\":\"civil-society\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(staff.get("/api/organisations/" + id + "?minPosition=" + created.json().get("position").asLong())
                .status()).isEqualTo(200);
        return id;
    }

    private static long correct(TrackerClient staff, String id, String name) {
        TrackerClient.Response corrected = staff.post("/api/organisations/" + id + "/corrections",
                "{\"name\":\"" + name + "\",\"sector\":\"civil-society\",\"reason\":\"the name changed\"}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        return corrected.json().get("position").asLong();
    }

    private static String viewName(String id) {
        return query("SELECT name FROM crt_query.organisation WHERE organisation_id = '" + id + "'");
    }

    private static String eventId(String aggregate, long sequence) {
        return query("SELECT event_identifier FROM event_store.domain_event_entry WHERE aggregate_identifier = '"
                + aggregate + "' AND sequence_number = " + sequence);
    }

    private static String query(String sql) {
        try (Connection connection = system.database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = system.database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
