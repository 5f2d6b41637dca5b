package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks through the running system: partner platforms registered by an admin get each change of the commitments
 * they follow once, signed, in the order of the timeline; a failing receiver gets it again with backoff; rebuilds,
 * shadow replays and a restart send nothing more.
 */
class WebhookIT {

    private static final String SECRET = "a-shared-secret-of-the-partner";
    private static final String WEBHOOKS = "/api/admin/webhooks";

    @RegisterExtension
    static final RunningTracker system = new RunningTracker("--crt.follow.webhooks.allow-private-networks=true",
            "--crt.follow.webhooks.poll-interval=100ms", "--crt.follow.webhooks.initial-backoff=300ms");

    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void followersGetEachChangeOnceSignedInOrderAndNeverAgain() throws Exception {
        TrackerClient staff = system.client().as("staff");
        TrackerClient monitor = system.client().as("monitor");
        TrackerClient admin = system.client().as("admin");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        String organisation = created(staff.post("/api/organisations",
                "{\"name\":\"Banca pentru Alimente\",\"sector\":\"civil-society\"}"));
        String organisationHook = registered(admin, "/organisation", "organisation", organisation);
        String allHook = registered(admin, "/all", "all-commitments", null);

        String commitment = created(staff.post("/api/commitments", """
                {"leadOrganisationId":"%s","title":"Scale the food bank network",
                 "field":"social-support-and-basic-needs","kind":"scale-service","startDate":"%s",
                 "targetDate":"%s"}""".formatted(organisation, today.minusMonths(1), today.plusYears(1))));
        String path = "/api/commitments/" + commitment;
        String commitmentHook = registered(admin, "/commitment", "commitment", commitment);
        receiver.answer("/failing", 500, 500);
        String failingHook = registered(admin, "/failing", "commitment", commitment);
        ok(monitor.post(path + "/progress", "{\"status\":\"on-track\",\"percentage\":30,\"note\":\"depot 1\"}"));
        long revised = ok(staff.post(path + "/revisions",
                "{\"part\":\"targetDate\",\"value\":\"%s\",\"reason\":\"funding came later\"}"
                        .formatted(today.plusYears(2))));

        awaitThat("every follower got every change", () -> receiver.at("/organisation").size() == 3
                && receiver.at("/all").size() == 3 && receiver.at("/commitment").size() == 2
                && receiver.at("/failing").size() == 4);
        JsonNode timeline = system.client().get(path + "/timeline?minPosition=" + revised).json().get("entries");
        assertThat(sequences(receiver.at("/organisation"))).as("in the order of the timeline").containsExactly(0L,
                1L, 2L);
        assertThat(types(receiver.at("/organisation"))).containsExactly("CommitmentMade", "ProgressReported",
                "CommitmentRevised");
        for (int i = 0; i < 3; i++) {
            JsonNode delivered = TrackerClient.JSON.readTree(receiver.at("/organisation").get(i).body());
            assertThat(delivered.get("type").asText()).isEqualTo(timeline.get(i).get("type").asText());
            assertThat(delivered.get("recordedAt").asText()).isEqualTo(timeline.get(i).get("recordedAt").asText());
            assertThat(delivered.get("content")).isEqualTo(timeline.get(i).get("content"));
            assertThat(delivered.get("actorRole").asText()).isEqualTo(timeline.get(i).get("actorRole").asText());
        }
        assertThat(types(receiver.at("/all"))).containsExactly("CommitmentMade", "ProgressReported",
                "CommitmentRevised");
        assertThat(types(receiver.at("/commitment"))).as("only what came after the registration")
                .containsExactly("ProgressReported", "CommitmentRevised");
        JsonNode revision = TrackerClient.JSON.readTree(receiver.at("/commitment").get(1).body());
        assertThat(revision.get("reason").asText()).isEqualTo("funding came later");
        assertThat(revision.get("content").get("value").asText()).isEqualTo(today.plusYears(2).toString());
        assertThat(revision.get("links").get("timeline").asText()).isEqualTo(path + "/timeline");
        for (String hook : List.of("/organisation", "/all", "/commitment", "/failing")) {
            for (WebhookReceiver.Received request : receiver.at(hook)) {
                assertThat(request.header("X-CRT-Signature")).as("signed with the shared secret")
                        .isEqualTo(signature(request.header("X-CRT-Timestamp"), request.body()));
                assertThat(request.header("Content-Type")).isEqualTo("application/json");
            }
        }
        assertThat(signature("1", receiver.at("/all").getFirst().body()))
                .as("the timestamp is part of the signed text")
                .isNotEqualTo(receiver.at("/all").getFirst().header("X-CRT-Signature"));

        List<WebhookReceiver.Received> failing = receiver.at("/failing");
        assertThat(types(failing)).as("the third try got through; the next change waited for it")
                .containsExactly("ProgressReported", "ProgressReported", "ProgressReported", "CommitmentRevised");
        assertThat(failing.stream().map(WebhookReceiver.Received::body).distinct()).hasSize(2);
        assertThat(failing.get(0).header("X-CRT-Delivery")).isEqualTo(failing.get(2).header("X-CRT-Delivery"));
        awaitThat("the log has the delivery", () -> deliveries(admin, failingHook).get(1).get("status").asText()
                .equals("delivered"));
        List<JsonNode> log = deliveries(admin, failingHook);
        JsonNode retried = log.getFirst();
        assertThat(retried.get("status").asText()).isEqualTo("delivered");
        assertThat(retried.get("attempts").asInt()).isEqualTo(3);
        assertThat(retried.get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(retried.get("attemptLog").findValuesAsText("statusCode")).containsExactly("500", "500", "200");
        assertThat(retried.get("attemptLog").get(0).get("error").asText()).isEqualTo("answered 500");
        assertThat(log.get(1).get("attempts").asInt()).isEqualTo(1);
        JsonNode listed = json(admin.get(WEBHOOKS));
        assertThat(listed.toString()).as("no secret in the list").doesNotContain(SECRET);
        assertThat(listed.get("webhooks").findValuesAsText("id")).contains(organisationHook, allHook, commitmentHook,
                failingHook);
        assertThat(listed.toString()).doesNotContain("\"secret\"");

        int before = receiver.total();
        long deliveries = system.count("SELECT count(*) FROM crt_query.webhook_delivery");
        rebuildAndReplay(admin, path, revised);
        assertThat(admin.postToQueries("/api/admin/projections/follow/rebuild", "{}").status())
                .as("the outbox is not a view: it is never rebuilt").isEqualTo(409);
        Thread.sleep(1500);
        assertThat(receiver.total()).as("nothing sent again after rebuild and replay").isEqualTo(before);
        assertThat(system.count("SELECT count(*) FROM crt_query.webhook_delivery")).isEqualTo(deliveries);

        system.restart();
        TrackerClient restartedMonitor = system.client().as("monitor");
        Thread.sleep(1500);
        assertThat(receiver.total()).as("a restart resends nothing").isEqualTo(before);
        ok(restartedMonitor.post(path + "/progress", "{\"status\":\"on-track\",\"percentage\":40}"));
        awaitThat("the next change after the restart", () -> receiver.at("/commitment").size() == 3);
        Thread.sleep(500);
        assertThat(receiver.total()).as("each follower got the new change once").isEqualTo(before + 4);
    }

    @Test
    void registrationRefusesBadTargetsAndUnknownSubjects() {
        TrackerClient admin = system.client().as("admin");
        assertThat(system.client().as("staff").postToQueries(WEBHOOKS, registration(receiver.url("/x"),
                "all-commitments", null)).status()).isEqualTo(403);
        assertThat(system.client().postToQueries(WEBHOOKS, "{}").status()).isEqualTo(401);
        for (String target : List.of("http://169.254.169.254/latest/meta-data", "http://[fe80::1]/hook",
                "http://0.0.0.0/hook", "ftp://127.0.0.1/hook", "http://user:pass@127.0.0.1/hook", "not a url")) {
            TrackerClient.Response refused = admin.postToQueries(WEBHOOKS, registration(target, "all-commitments",
                    null));
            assertThat(refused.status()).as(target).isEqualTo(400);
            assertThat(refused.json().toString()).as(target).contains("targetUrl");
        }
        TrackerClient.Response several = admin.postToQueries(WEBHOOKS,
                "{\"targetUrl\":\"gopher://x\",\"secret\":\"short\",\"scope\":\"commitment\"}");
        assertThat(several.status()).isEqualTo(400);
        assertThat(several.json().findValuesAsText("field")).contains("secret");
        TrackerClient.Response noSubject = admin.postToQueries(WEBHOOKS, registration(receiver.url("/x"),
                "commitment", null));
        assertThat(noSubject.json().findValuesAsText("field")).containsExactly("subjectId");
        TrackerClient.Response unknown = admin.postToQueries(WEBHOOKS, registration(receiver.url("/x"),
                "commitment", "no-such-commitment"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("field").asText()).isEqualTo("subjectId");
        assertThat(system.count("SELECT count(*) FROM crt_query.webhook WHERE target_url LIKE '%/x'")).isZero();

        TrackerClient.Response generated = admin.postToQueries(WEBHOOKS,
                "{\"targetUrl\":\"%s\",\"scope\":\"all-commitments\"}".formatted(receiver.url("/generated")));
        assertThat(generated.status()).as(generated.body()).isEqualTo(201);
        assertThat(generated.json().get("secret").asText()).as("made and answered once").hasSizeGreaterThan(40);
        String id = generated.json().get("id").asText();
        assertThat(admin.get(WEBHOOKS + "/" + id).body()).doesNotContain("\"secret\"");
        assertThat(admin.deleteFromQueries(WEBHOOKS + "/" + id).status()).isEqualTo(204);
        assertThat(admin.deleteFromQueries(WEBHOOKS + "/" + id).status()).isEqualTo(404);
        assertThat(json(admin.get(WEBHOOKS)).get("webhooks").findValuesAsText("id")).doesNotContain(id);
    }

    private static void rebuildAndReplay(TrackerClient admin, String path, long position) throws Exception {
        String timeline = system.client().get(path + "/timeline?minPosition=" + position).body();
        assertThat(admin.postToQueries("/api/admin/projections/commitments/rebuild", "{}").status()).isEqualTo(202);
        assertThat(system.client().get(path + "/timeline?minPosition=" + position).body()).isEqualTo(timeline);

        assertThat(admin.postToQueries("/api/admin/replays/commitments", "{}").status()).isEqualTo(202);
        long head = system.count("SELECT max(global_index) FROM event_store.domain_event_entry");
        awaitThat("the shadow replay caught up", () -> {
            JsonNode progress = admin.get("/api/admin/replays/commitments").json();
            return progress.get("caughtUp").asBoolean() && progress.get("position").asLong() >= head;
        });
        assertThat(admin.postToQueries("/api/admin/replays/commitments/switch", "{}").status()).isEqualTo(200);
        assertThat(system.client().get(path + "/timeline?minPosition=" + position).body()).isEqualTo(timeline);
    }

    private static String registered(TrackerClient admin, String receiverPath, String scope, String subject) {
        TrackerClient.Response response = admin.postToQueries(WEBHOOKS, registration(receiver.url(receiverPath),
                scope, subject));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).as("a given secret is never answered").doesNotContain(SECRET);
        return response.json().get("id").asText();
    }

    private static String registration(String target, String scope, String subject) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("targetUrl", target, "secret", SECRET,
                "scope", scope));
        if (subject != null) {
            body.put("subjectId", subject);
        }
        return TrackerClient.json(body);
    }

    private static List<JsonNode> deliveries(TrackerClient admin, String webhook) {
        List<JsonNode> log = new ArrayList<>();
        json(admin.get(WEBHOOKS + "/" + webhook + "/deliveries")).get("deliveries").forEach(log::add);
        return log;
    }

    private static String signature(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Long> sequences(List<WebhookReceiver.Received> requests) {
        return field(requests, "sequenceNumber").stream().map(Long::parseLong).toList();
    }

    private static List<String> types(List<WebhookReceiver.Received> requests) {
        return field(requests, "type");
    }

    private static List<String> field(List<WebhookReceiver.Received> requests, String name) {
        List<String> values = new ArrayList<>();
        for (WebhookReceiver.Received request : requests) {
            try {
                values.add(TrackerClient.JSON.readTree(request.body()).get(name).asText());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + request.body(), e);
            }
        }
        return values;
    }

    /** Waits up to 20 s for the condition. */
    private static void awaitThat(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what + "; received " + receiver.total());
            }
            Thread.sleep(100);
        }
    }

    private static String created(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static long ok(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("position").asLong();
    }

    private static JsonNode json(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
