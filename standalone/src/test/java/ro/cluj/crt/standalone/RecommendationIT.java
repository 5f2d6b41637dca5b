package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Anyone recommends an initiative without logging in; staff triage it. The recommender's name and contact and how to
 * reach the initiative are personal data: sealed in the events, shown to staff only, erasable. Public texts are plain
 * text, limited in size, and each client may send only so many.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecommendationIT {

    /** Every recommendation this class sends comes from 127.0.0.1; the bucket never refills during the test. */
    private static final int BURST = 25;

    @RegisterExtension
    static final RunningTracker system = new RunningTracker("--crt.recommendations.rate-limit.burst=" + BURST,
            "--crt.recommendations.rate-limit.requests=1", "--crt.recommendations.rate-limit.period=24h");

    private static final String PATH = "/api/recommendations";
    private static final String NAME = "Ileana Recomandă-Qvx";
    private static final String EMAIL = "ileana.qvx@example.ro";
    private static final String HOW_TO_REACH = "Sunați-l pe Vlad Qwerz la 0744 555 111";
    /** Every POST to the recommendation endpoint, accepted or not: each takes one from the client's bucket. */
    private static final AtomicInteger SENT = new AtomicInteger();

    @Test
    @Order(1)
    void anyoneRecommendsWithoutLoggingInAndGetsAReceiptThatEchoesNothingPersonal() throws Exception {
        TrackerClient.Response received = recommend(system.client(), body("Masă caldă pentru asistente", NAME,
                EMAIL));

        assertThat(received.status()).as(received.body()).isEqualTo(201);
        JsonNode receipt = received.json();
        assertThat(receipt.get("id").asText()).isNotBlank();
        assertThat(receipt.get("status").asText()).isEqualTo("new");
        assertThat(receipt.get("receivedAt").asText()).endsWith("Z");
        assertThat(received.header("Location")).isEqualTo(PATH + "/" + receipt.get("id").asText());
        assertThat(received.body()).doesNotContain(NAME, EMAIL, HOW_TO_REACH, "Masă caldă");
        assertThat(eventsHolding("Masă caldă pentru asistente")).as("the initiative is not personal").isEqualTo(1);
        for (String personal : List.of(NAME, EMAIL, HOW_TO_REACH, "Qvx", "Qwerz")) {
            assertThat(eventsHolding(personal)).as("events holding %s in clear", personal).isZero();
        }
        assertThat(Files.readString(system.logFile, StandardCharsets.UTF_8))
                .contains("received recommendation " + receipt.get("id").asText())
                .doesNotContain(NAME, EMAIL, "Qwerz");
    }

    @Test
    @Order(2)
    void refusesOversizeTextsMarkupAndBadFieldsNamingEachAndStoresNothing() {
        TrackerClient anonymous = system.client();
        long events = system.eventCount();
        ObjectNode oversize = body("w".repeat(2_001), "n".repeat(201), "a".repeat(310) + "@example.ro");
        oversize.put("whoRunsIt", "o".repeat(501));
        oversize.put("howToReachThem", "h".repeat(501));
        rejects(recommend(anonymous, oversize), "howToReachThem", "recommender.contact", "recommender.name", "what",
                "whoRunsIt");

        ObjectNode markup = body("<script>alert(1)</script>", "<?xml version=\"1.0\"?>", EMAIL);
        markup.put("whoRunsIt", "Asociația </p>");
        markup.put("howToReachThem", "<!-- -->");
        TrackerClient.Response refused = recommend(anonymous, markup);
        rejects(refused, "howToReachThem", "recommender.name", "what", "whoRunsIt");
        assertThat(refused.body()).contains("plain text");

        ObjectNode wrong = body("Bibliotecă mobilă\u0000", NAME, "not a contact");
        wrong.put("field", "astrology");
        wrong.put("consentToContact", "yes");
        wrong.put("extra", 1);
        rejects(recommend(anonymous, wrong), "consentToContact", "extra", "field", "what");
        ObjectNode noRecommender = body("Bibliotecă mobilă", NAME, EMAIL);
        noRecommender.remove("recommender");
        noRecommender.put("howToReachThem", " ");
        rejects(recommend(anonymous, noRecommender), "howToReachThem", "recommender");
        rejects(recommend(anonymous, body("Bibliotecă mobilă", NAME, "call me maybe")), "recommender.contact");
        assertThat(system.eventCount()).as("a refused request stores nothing").isEqualTo(events);

        ObjectNode plain = body("a < b, x<3 and &lt;b&gt; are plain text", "Ana <3 Cluj", "+40 744 100 271");
        TrackerClient.Response accepted = recommend(anonymous, plain);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        JsonNode stored = system.client().as("staff").get(PATH + "/" + accepted.json().get("id").asText()
                + "?minPosition=" + accepted.json().get("position").asLong()).json();
        assertThat(stored.get("what").asText()).isEqualTo("a < b, x<3 and &lt;b&gt; are plain text");
        assertThat(stored.get("recommender").get("phone").asText()).isEqualTo("+40 744 100 271");
        assertThat(stored.get("recommender").has("email")).isFalse();
    }

    @Test
    @Order(3)
    void staffTriageEachWayOnceAndChangeItOnlyByAnExplicitRetriageWithAReason() {
        TrackerClient staff = system.client().as("staff");
        TrackerClient anonymous = system.client();
        TrackerClient.Response registered = staff.post("/api/organisations",
                "{\"name\":\"Asociatia Masa Calda\",\"sector\":\"civil-society\"}");
        assertThat(registered.status()).isEqualTo(201);
        String organisation = registered.json().get("id").asText();
        String first = created(recommend(anonymous, body("Cantină socială", "Ion Primul", "ion@example.ro")));
        String second = created(recommend(anonymous, body("Cantina socială (iar)", "Ion Doi", "doi@example.ro")));
        String third = created(recommend(anonymous, body("Turism spațial", "Ion Trei", "trei@example.ro")));
        String fourth = created(recommend(anonymous, body("Ateliere de reparații", "Ion Patru", "0264 123 456")));

        assertThat(triage(anonymous, first, "{\"decision\":\"accepted\",\"organisationId\":\"" + organisation + "\"}")
                .status()).isEqualTo(401);
        assertThat(triage(system.client().as("monitor"), first, "{\"decision\":\"out-of-scope\",\"reason\":\"x\"}")
                .status()).isEqualTo(403);
        assertThat(triage(staff, "no-such-recommendation", "{\"decision\":\"out-of-scope\",\"reason\":\"x\"}")
                .status()).isEqualTo(404);

        assertThat(triage(staff, first, "{\"decision\":\"accepted\",\"organisationId\":\"" + organisation + "\"}")
                .status()).isEqualTo(200);
        assertConflict(triage(staff, first, "{\"decision\":\"accepted\",\"organisationId\":\"" + organisation
                + "\"}"), "accepted");
        assertConflict(triage(staff, first, "{\"decision\":\"out-of-scope\",\"reason\":\"not ours\"}"), "accepted");
        rejects(triage(staff, first, "{\"decision\":\"out-of-scope\",\"retriage\":true}"), "reason");
        rejects(triage(staff, first, "{\"decision\":\"duplicate\",\"duplicateOf\":\"" + second
                + "\",\"retriage\":true}"), "reason");
        assertThat(triage(staff, first, "{\"decision\":\"out-of-scope\",\"retriage\":true,"
                + "\"reason\":\"it runs in Oradea, not in Cluj\"}").status()).isEqualTo(200);

        assertRule(triage(staff, second, "{\"decision\":\"accepted\",\"organisationId\":\"no-such-org\"}"),
                "organisationId");
        assertRule(triage(staff, second, "{\"decision\":\"duplicate\",\"duplicateOf\":\"" + second + "\"}"),
                "duplicateOf");
        assertRule(triage(staff, second, "{\"decision\":\"duplicate\",\"duplicateOf\":\"no-such-one\"}"),
                "duplicateOf");
        rejects(triage(staff, second, "{\"decision\":\"duplicate\"}"), "duplicateOf");
        rejects(triage(staff, second, "{\"decision\":\"maybe\"}"), "decision");
        assertThat(triage(staff, second, "{\"decision\":\"duplicate\",\"duplicateOf\":\"" + first + "\"}").status())
                .isEqualTo(200);

        rejects(triage(staff, third, "{\"decision\":\"out-of-scope\"}"), "reason");
        TrackerClient.Response outOfScope = triage(staff, third,
                "{\"decision\":\"out-of-scope\",\"reason\":\"not a COVID-19 measure\"}");
        assertThat(outOfScope.status()).isEqualTo(200);
        assertConflict(triage(staff, fourth, "{\"decision\":\"out-of-scope\",\"reason\":\"x\",\"retriage\":true}"),
                "new");

        long position = outOfScope.json().get("position").asLong();
        assertThat(ids(staff, "status=out-of-scope&minPosition=" + position)).contains(first, third)
                .doesNotContain(second, fourth);
        assertThat(ids(staff, "status=duplicate")).containsExactly(second);
        assertThat(ids(staff, "status=new")).contains(fourth).doesNotContain(first, second, third);
        assertThat(ids(staff, "status=accepted")).isEmpty();
        assertThat(staff.get(PATH + "?status=maybe").status()).isEqualTo(400);
        assertThat(staff.get(PATH + "?size=2").json().get("items")).hasSize(2);
        assertThat(staff.get(PATH).json().toString()).as("the list holds no personal data")
                .doesNotContain("Ion Primul", "ion@example.ro");
        assertThat(system.client().as("monitor").get(PATH).status()).isEqualTo(403);
        assertThat(anonymous.get(PATH).status()).isEqualTo(401);

        JsonNode triaged = staff.get(PATH + "/" + first).json();
        assertThat(triaged.get("status").asText()).isEqualTo("out-of-scope");
        JsonNode triages = triaged.get("triages");
        assertThat(triages).hasSize(2);
        assertThat(triages.get(0).get("decision").asText()).isEqualTo("accepted");
        assertThat(triages.get(0).get("organisationId").asText()).isEqualTo(organisation);
        assertThat(triages.get(0).get("retriage").asBoolean()).isFalse();
        assertThat(triages.get(1).get("retriage").asBoolean()).isTrue();
        assertThat(triages.get(1).get("reason").asText()).isEqualTo("it runs in Oradea, not in Cluj");
        assertThat(triages.get(1).get("triagedBy").asText()).isNotBlank().isNotEqualTo("staff");
    }

    @Test
    @Order(4)
    void staffReadThePersonalDataOthersSeeItWithheldAndAfterErasureEveryoneSeesItErased() throws Exception {
        TrackerClient staff = system.client().as("staff");
        TrackerClient monitor = system.client().as("monitor");
        TrackerClient admin = system.client().as("admin");
        TrackerClient.Response received = recommend(system.client(), body("Grădina comunitară", NAME, EMAIL));
        String id = created(received);
        String path = PATH + "/" + id;

        JsonNode asStaff = staff.get(path + "?minPosition=" + received.json().get("position").asLong()).json();
        assertThat(asStaff.get("recommender").get("name").asText()).isEqualTo(NAME);
        assertThat(asStaff.get("recommender").get("email").asText()).isEqualTo(EMAIL);
        assertThat(asStaff.get("howToReachThem").asText()).isEqualTo(HOW_TO_REACH);
        assertThat(asStaff.get("consentToContact").asBoolean()).isTrue();
        String person = asStaff.get("recommender").get("id").asText();
        for (TrackerClient reader : List.of(monitor, system.client().as("auditor"), admin)) {
            JsonNode withheld = reader.get(path).json();
            assertThat(withheld.get("recommender").toString())
                    .isEqualTo("{\"id\":\"" + person + "\",\"withheld\":true}");
            assertThat(withheld.has("howToReachThem")).isFalse();
            assertThat(withheld.toString()).doesNotContain(NAME, EMAIL, "Qwerz");
            assertThat(withheld.get("what").asText()).isEqualTo("Grădina comunitară");
        }
        assertThat(system.client().get(path).status()).isEqualTo(401);
        assertThat(staff.get(PATH + "/no-such-one").status()).isEqualTo(404);
        JsonNode found = admin.postToQueries("/api/admin/persons/search", "{\"query\":\"recomanda-qvx\"}").json();
        List<String> foundIds = new ArrayList<>();
        found.forEach(match -> foundIds.add(match.get("personId").asText()));
        assertThat(foundIds).as("an admin finds the recommender by name before erasing them").contains(person);
        JsonNode match = found.get(foundIds.indexOf(person));
        assertThat(match.get("recommendationIds").toString()).isEqualTo("[\"" + id + "\"]");
        assertThat(match.get("emails").toString()).isEqualTo("[\"" + EMAIL + "\"]");

        long last = system.count("SELECT max(global_index) FROM event_store.domain_event_entry");
        String before = system.database.historyDigest(last);
        TrackerClient.Response erased = admin.post("/api/admin/persons/" + person + "/erasure",
                "{\"requestReference\":\"REQ-2026-31\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);

        for (TrackerClient reader : List.of(staff, monitor)) {
            JsonNode after = reader.get(path).json();
            assertThat(after.get("recommender").get("id").asText()).isEqualTo(person);
            assertThat(after.get("recommender").get("erased").asBoolean()).isTrue();
            assertThat(after.get("recommender").get("erasedAt").asText()).endsWith("Z");
            assertThat(after.get("recommender").has("name")).isFalse();
            assertThat(after.has("howToReachThem")).isFalse();
            assertThat(after.toString()).doesNotContain(NAME, EMAIL, "Qwerz");
        }
        assertThat(system.database.historyDigest(last)).as("the events stay byte for byte").isEqualTo(before);
        for (String personal : List.of(NAME, EMAIL, HOW_TO_REACH, "Qvx", "Qwerz")) {
            assertThat(eventsHolding(personal)).as("events holding %s in clear", personal).isZero();
        }
    }

    @Test
    @Order(5)
    void aClientOverTheConfiguredNumberGets429WithRetryAfter() {
        TrackerClient anonymous = system.client();
        List<Integer> statuses = new ArrayList<>();
        TrackerClient.Response response = null;
        while (SENT.get() < BURST + 3) {
            response = recommend(anonymous, body("Rate " + SENT.get(), "Ana Rate", "ana.rate@example.ro"));
            statuses.add(response.status());
            if (response.status() == 429) {
                break;
            }
            assertThat(response.status()).as(response.body()).isEqualTo(201);
        }

        assertThat(response.status()).as("statuses %s", statuses).isEqualTo(429);
        assertThat(SENT.get()).as("requests this client sent, the refused one included").isEqualTo(BURST + 1);
        assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/rate-limited");
        assertThat(response.json().get("retryAfterSeconds").asLong())
                .isEqualTo(Long.parseLong(response.header("Retry-After")));
        assertThat(system.client().as("staff").get(PATH).status()).as("reads are not limited").isEqualTo(200);
    }

    private static TrackerClient.Response recommend(TrackerClient client, ObjectNode body) {
        SENT.incrementAndGet();
        return client.post(PATH, body.toString());
    }

    private static ObjectNode body(String what, String name, String contact) {
        ObjectNode body = TrackerClient.JSON.createObjectNode();
        body.put("what", what);
        body.put("whoRunsIt", "Asociația Vecinilor din Mănăștur");
        body.put("howToReachThem", HOW_TO_REACH);
        body.put("field", "social-support-and-basic-needs");
        body.putObject("recommender").put("name", name).put("contact", contact);
        body.put("consentToContact", true);
        return body;
    }

    private static TrackerClient.Response triage(TrackerClient client, String id, String body) {
        return client.post(PATH + "/" + id + "/triage", body);
    }

    private static String created(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static List<String> ids(TrackerClient staff, String query) {
        TrackerClient.Response page = staff.get(PATH + "?" + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static void rejects(TrackerClient.Response response, String... fields) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        List<String> named = new ArrayList<>();
        response.json().get("errors").forEach(error -> named.add(error.get("field").asText()));
        assertThat(named).as(response.body()).containsOnly(fields).contains(fields);
    }

    private static void assertConflict(TrackerClient.Response response, String state) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.json().get("state").asText()).isEqualTo(state);
    }

    private static void assertRule(TrackerClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("field").asText()).isEqualTo(field);
    }

    /** How many stored events hold {@code value} as UTF-8 bytes in their payload or metadata. */
    private static long eventsHolding(String value) throws Exception {
        try (Connection connection = system.database.connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT count(*) FROM event_store.domain_event_entry
                     WHERE position(convert_to(?, 'UTF8') in payload) > 0
                        OR position(convert_to(?, 'UTF8') in meta_data) > 0""")) {
            query.setString(1, value);
            query.setString(2, value);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

}
