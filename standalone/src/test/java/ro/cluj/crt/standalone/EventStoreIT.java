package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A staff write becomes an event in PostgreSQL with who, when, from which request and why; the views follow it. */
class EventStoreIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();
    private static TrackerClient staff;

    @BeforeAll
    static void start() {
        staff = system.client().as("staff");
    }

    @Test
    void theSigningKeyIsPublishedBeforeTheFirstCheckpoint() throws Exception {
        TrackerClient anyone = system.client();
        TrackerClient.Response key = anyone.get("/api/audit/public-key");
        for (int i = 0; i < 100 && key.status() != 200; i++) {
            Thread.sleep(100);
            key = anyone.get("/api/audit/public-key");
        }
        assertThat(key.status()).as(key.body()).isEqualTo(200);
        assertThat(key.json().get("keyId").asText()).isNotBlank();
        assertThat(anyone.get("/api/audit/checkpoints").json()).as("none signed yet (one per 1,000 links or 10 min)")
                .isEmpty();
    }

    @Test
    void storesTheEventWithItsMetadataAsBytes() throws Exception {
        TrackerClient.Response registered = staff.post("/api/organisations",
                "{\"name\":\"Centrul Cultural Clujean\",\"sector\":\"civil-society\",\"locality\":\"Cluj-Napoca\"}",
                Map.of("X-Correlation-Id", "req-store-1"));
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.json().get("id").asText();

        TrackerClient.Response corrected = staff.post("/api/organisations/" + id + "/corrections",
                "{\"name\":\"Centrul Cultural Clujean\",\"sector\":\"civil-society\",\"locality\":\"Cluj\","
                        + "\"reason\":\"locality was misspelt\"}", Map.of("X-Correlation-Id", "req-store-2"));
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().get("version").asLong()).isEqualTo(1);

        try (Connection connection = system.database.connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT payload_type, payload_revision, type, pg_typeof(payload)::text AS payload_kind,
                            convert_from(meta_data, 'UTF8') AS meta, global_index
                     FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1""")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("payload_type"))
                        .isEqualTo("ro.cluj.crt.events.organisation.OrganisationDetailsCorrected");
                assertThat(row.getString("payload_revision")).isEqualTo("1");
                assertThat(row.getString("type")).isEqualTo("Organisation");
                assertThat(row.getString("payload_kind")).isEqualTo("bytea");
                assertThat(row.getLong("global_index")).isEqualTo(corrected.json().get("position").asLong());
                JsonNode meta = TrackerClient.JSON.readTree(row.getString("meta"));
                assertThat(meta.get("actorId").asText()).isEqualTo("acc-staff-0001");
                assertThat(meta.get("actorRole").asText()).isEqualTo("staff");
                assertThat(meta.get("correlationId").asText()).isEqualTo("req-store-2");
                assertThat(meta.get("reason").asText()).isEqualTo("locality was misspelt");
                assertThat(meta.get("causationId").asText()).isNotBlank();
            }
        }
    }

    @Test
    void theGlobalIndexSequenceHasIncrementOneAndNoCache() {
        assertThat(system.count("""
                SELECT count(*) FROM pg_sequences WHERE schemaname = 'event_store'
                   AND sequencename = 'domain_event_entry_global_index_seq' AND increment_by = 1 AND cache_size = 1"""))
                .isEqualTo(1);
    }

    @Test
    void theProfileReflectsTheWriteOnceItsPositionIsReached() {
        TrackerClient.Response registered = staff.post("/api/organisations",
                "{\"name\":\"Asociatia Pro Vita\",\"sector\":\"civil-society\"}");
        String id = registered.json().get("id").asText();
        TrackerClient.Response recorded = staff.post("/api/organisations/" + id + "/interviews", """
                {"date":"2020-04-10","channel":"online","consent":"publish",
                 "measures":[{"field":"social-support-and-basic-needs","description":"Meals for the elderly"}],
                 "supportNeeds":[{"kind":"volunteers-and-staff","horizon":"short-term"}]}""");
        assertThat(recorded.status()).isEqualTo(201);
        long position = recorded.json().get("position").asLong();

        TrackerClient.Response profile = system.client().get("/api/organisations/" + id + "?minPosition=" + position);

        assertThat(profile.status()).isEqualTo(200);
        assertThat(Long.parseLong(profile.header("Projection-Position"))).isGreaterThanOrEqualTo(position);
        JsonNode interview = profile.json().get("interviews").get(0);
        assertThat(interview.get("content").get("measures").get(0).get("description").asText())
                .isEqualTo("Meals for the elderly");
        assertThat(interview.get("content").get("supportNeeds").get(0).get("kind").asText())
                .isEqualTo("volunteers-and-staff");
    }
}
