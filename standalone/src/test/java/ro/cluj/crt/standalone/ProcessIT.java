package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Steps 3 and 4 of the process through the API: lessons drafted, revised and published from two interviews' measures,
 * a working session scheduled on them, its participants, holding and outcomes (with a commitment made there), read
 * back by the public and by staff; bad input, unknown ids and a monitor's write are refused; a rebuild of the process
 * view comes out byte-identical.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Bucharest"));

    private static TrackerClient staff;
    private static TrackerClient monitor;
    private static TrackerClient anyone;
    private static String cityHall;
    private static String foodBank;
    private static String university;
    private static String namedInterview;
    private static String privateInterview;
    private static String lesson;
    private static String draftOnly;
    private static String session;
    private static String commitment;
    private static long position;

    @BeforeAll
    static void interviews() {
        staff = system.client().as("staff");
        monitor = system.client().as("monitor");
        anyone = system.client();
        cityHall = organisation("Primăria Cluj-Napoca", "public-authority");
        foodBank = organisation("Banca pentru Alimente Cluj", "civil-society");
        university = organisation("Universitatea Babeș-Bolyai", "academia");
        namedInterview = interview(foodBank, "publish", "m-parcels", "Food parcels for isolated elderly people");
        privateInterview = interview(university, "not-for-publication", "m-tutoring", "Online tutoring by students");
    }

    @Test
    @Order(1)
    void aLessonIsDraftedRevisedAndPublishedFromTheMeasures() {
        TrackerClient.Response drafted = staff.post("/api/lessons", """
                {"title":"Food parcels need insured volunteers","text":"Volunteers need insurance from day one.",
                 "field":"social-support-and-basic-needs","lessonClass":"scale",
                 "sources":[{"interviewId":"%s","measureId":"m-parcels"}]}""".formatted(namedInterview));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        lesson = drafted.json().get("id").asText();
        assertThat(drafted.header("Location")).isEqualTo("/api/lessons/" + lesson);

        TrackerClient.Response revised = staff.post("/api/lessons/" + lesson + "/revisions", """
                {"lessonClass":"replicate","sources":[{"interviewId":"%s","measureId":"m-parcels"},
                 {"interviewId":"%s","measureId":"m-tutoring"}],"reason":"the tutoring shows the same"}"""
                .formatted(namedInterview, privateInterview), Map.of("If-Match", "\"0\""));
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(staff.post("/api/lessons/" + lesson + "/revisions", "{\"title\":\"Stale\",\"reason\":\"x\"}",
                Map.of("If-Match", "\"0\"")).status()).as("a stale If-Match").isEqualTo(409);
        ok(staff.post("/api/lessons/" + lesson + "/publication", ""));
        TrackerClient.Response again = staff.post("/api/lessons/" + lesson + "/publication", "");
        assertThat(again.status()).as("publishing twice").isEqualTo(409);
        assertThat(again.json().get("state").asText()).isEqualTo("published");

        TrackerClient.Response unsourced = staff.post("/api/lessons", """
                {"title":"Tutoring should be kept","text":"Students tutored online.","field":"education-and-childcare",
                 "lessonClass":"improve"}""");
        assertThat(unsourced.status()).isEqualTo(201);
        draftOnly = unsourced.json().get("id").asText();
        position = Math.max(position, unsourced.json().get("position").asLong());
        TrackerClient.Response refused = staff.post("/api/lessons/" + draftOnly + "/publication", "");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("rule").asText()).isEqualTo("publish-needs-source");

        JsonNode published = read(anyone, "/api/lessons");
        assertThat(published.get("total").asLong()).as("the public sees the published lesson only").isEqualTo(1);
        JsonNode shown = published.get("items").get(0);
        assertThat(shown.get("lessonId").asText()).isEqualTo(lesson);
        assertThat(shown.get("lessonClass").asText()).isEqualTo("replicate");
        JsonNode named = shown.get("sources").get(0);
        assertThat(named.get("interviewId").asText()).isEqualTo(namedInterview);
        assertThat(named.get("measureTitle").asText()).isEqualTo("Food parcels for isolated elderly people");
        assertThat(named.get("organisationName").asText()).isEqualTo("Banca pentru Alimente Cluj");
        JsonNode withheld = shown.get("sources").get(1);
        assertThat(withheld.get("measureId").asText()).isEqualTo("m-tutoring");
        assertThat(withheld.get("withheld").asBoolean()).isTrue();
        assertThat(withheld.get("measureTitle").isNull()).isTrue();
        assertThat(withheld.get("organisationName").isNull()).isTrue();
        assertThat(published.toString()).doesNotContain("Universitatea", "Online tutoring", university);

        assertThat(anyone.get("/api/lessons/" + draftOnly).status()).as("a draft is not public").isEqualTo(404);
        JsonNode forStaff = read(staff, "/api/lessons/" + draftOnly);
        assertThat(forStaff.get("status").asText()).isEqualTo("draft");
        assertThat(read(staff, "/api/lessons/" + lesson).get("sources").get(1).get("organisationName").asText())
                .isEqualTo("Universitatea Babeș-Bolyai");
        assertThat(read(monitor, "/api/lessons?status=draft").get("total").asLong()).isEqualTo(1);
        assertThat(read(anyone, "/api/lessons?lessonClass=scale").get("total").asLong()).isZero();
        assertThat(read(anyone, "/api/lessons?field=social-support-and-basic-needs&lessonClass=replicate")
                .get("total").asLong()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aSessionIsScheduledHeldAndItsOutcomesRecorded() {
        TrackerClient.Response scheduled = staff.post("/api/sessions", """
                {"topic":"Food support after the emergency","date":"%s","place":"Sala de sticlă",
                 "link":"https://meet.example.org/crt-1","lessonIds":["%s"]}""".formatted(TODAY.plusDays(7), lesson));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        session = scheduled.json().get("id").asText();
        String path = "/api/sessions/" + session;
        ok(staff.post(path + "/rescheduling", "{\"date\":\"%s\",\"reason\":\"the hall is booked\"}"
                .formatted(TODAY.minusDays(1))));
        TrackerClient.Response mayor = staff.post(path + "/participants",
                "{\"organisationId\":\"%s\",\"role\":\"decision-maker\",\"positionTitle\":\"deputy mayor\"}"
                        .formatted(cityHall));
        assertThat(mayor.status()).as(mayor.body()).isEqualTo(201);
        assertThat(staff.post(path + "/participants",
                "{\"organisationId\":\"%s\",\"role\":\"decision-maker\",\"positionTitle\":\"Deputy mayor\"}"
                        .formatted(cityHall)).status()).as("the same participant twice").isEqualTo(409);
        assertThat(staff.post(path + "/participants", "{\"organisationId\":\"%s\",\"role\":\"%s\"}"
                .formatted(foodBank, "organisation-representative")).status()).isEqualTo(201);
        TrackerClient.Response early = staff.post(path + "/outcomes", "{\"recommendations\":[\"too early\"]}");
        assertThat(early.status()).as("outcomes before the session was held").isEqualTo(409);
        ok(staff.post(path + "/holding", "{\"heldOn\":\"%s\"}".formatted(TODAY)));
        assertThat(staff.post(path + "/holding", "{}").status()).as("held twice").isEqualTo(409);

        TrackerClient.Response made = staff.post("/api/commitments", """
                {"leadOrganisationId":"%s","title":"Insure food bank volunteers",
                 "field":"social-support-and-basic-needs","kind":"scale-service","startDate":"%s","targetDate":"%s",
                 "origin":{"sessionId":"%s","lessonIds":["%s"]}}"""
                .formatted(cityHall, TODAY, TODAY.plusYears(1), session, lesson));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        commitment = made.json().get("id").asText();
        ok(staff.post(path + "/outcomes", """
                {"recommendations":["Insure volunteers from their first day"],
                 "supportNeeds":[{"kind":"volunteers-and-staff","note":"weekend drivers"}],
                 "volunteeredSupport":[{"organisationId":"%s","field":"education-and-childcare","note":"students"}]}"""
                .formatted(university)));
        ok(staff.post(path + "/outcomes", "{\"commitmentIds\":[\"%s\"]}".formatted(commitment)));
        assertThat(staff.post(path + "/outcomes", "{\"commitmentIds\":[\"%s\"]}".formatted(commitment)).status())
                .as("a commitment linked twice").isEqualTo(409);

        JsonNode shown = read(anyone, path);
        assertThat(shown.get("status").asText()).isEqualTo("held");
        assertThat(shown.get("date").asText()).isEqualTo(TODAY.minusDays(1).toString());
        assertThat(shown.get("heldOn").asText()).isEqualTo(TODAY.toString());
        assertThat(shown.get("lessons").get(0).get("title").asText()).isEqualTo("Food parcels need insured volunteers");
        List<String> participants = new ArrayList<>();
        shown.get("participants").forEach(p -> participants.add(p.get("organisationName").asText() + "/"
                + p.get("role").asText() + "/" + p.get("positionTitle").asText()));
        assertThat(participants).containsExactly("Primăria Cluj-Napoca/decision-maker/deputy mayor",
                "Banca pentru Alimente Cluj/organisation-representative/null");
        JsonNode outcomes = shown.get("outcomes");
        assertThat(outcomes.get("recommendations").get(0).asText())
                .isEqualTo("Insure volunteers from their first day");
        assertThat(outcomes.get("supportNeeds").get(0).get("kind").asText()).isEqualTo("volunteers-and-staff");
        assertThat(outcomes.get("volunteeredSupport").get(0).get("organisationName").asText())
                .isEqualTo("Universitatea Babeș-Bolyai");
        assertThat(outcomes.get("commitments").get(0).get("commitmentId").asText()).isEqualTo(commitment);
        assertThat(outcomes.get("commitments").get(0).get("title").asText()).isEqualTo("Insure food bank volunteers");

        assertThat(ids(read(anyone, "/api/sessions?status=held&from=" + TODAY.minusDays(3) + "&to=" + TODAY)))
                .containsExactly(session);
        assertThat(ids(read(anyone, "/api/sessions?from=" + TODAY.plusDays(1)))).isEmpty();
    }

    @Test
    @Order(3)
    void aCancelledSessionChangesNoMoreAndIsNotPublic() {
        TrackerClient.Response scheduled = staff.post("/api/sessions",
                "{\"topic\":\"Mobility\",\"date\":\"%s\",\"link\":\"https://meet.example.org/2\"}"
                        .formatted(TODAY.plusMonths(1)));
        String path = "/api/sessions/" + scheduled.json().get("id").asText();
        ok(staff.post(path + "/cancellation", "{\"reason\":\"no quorum\"}"));
        TrackerClient.Response after = staff.post(path + "/rescheduling",
                "{\"date\":\"%s\",\"reason\":\"try again\"}".formatted(TODAY.plusMonths(2)));
        assertThat(after.status()).isEqualTo(409);
        assertThat(after.json().get("state").asText()).isEqualTo("cancelled");
        assertThat(anyone.get(path).status()).isEqualTo(404);
        assertThat(read(staff, path).get("cancellationReason").asText()).isEqualTo("no quorum");
    }

    @Test
    @Order(4)
    void badInputNamesEveryFieldAndUnknownIdsBreakARule() {
        assertThat(badFields(staff.post("/api/lessons", """
                {"title":" ","text":"","field":"health","lessonClass":"scale","sources":[{"measureId":"m"}]}""")))
                .containsExactlyInAnyOrder("title", "text", "sources[0].interviewId");
        assertThat(badFields(staff.post("/api/lessons", """
                {"title":"T","text":"X","field":"weather","lessonClass":"big","colour":"red"}""")))
                .containsExactlyInAnyOrder("field", "lessonClass", "colour");
        assertThat(badFields(staff.post("/api/sessions",
                "{\"topic\":\"\",\"date\":\"%s\",\"link\":\"ftp://files.example.org\"}".formatted(TODAY))))
                .containsExactlyInAnyOrder("topic", "link");
        assertThat(badFields(staff.post("/api/sessions", "{\"topic\":\"T\",\"date\":\"2026-02-30\"}")))
                .containsExactly("date");
        assertThat(badFields(staff.post("/api/sessions", "{\"topic\":\"Health\",\"date\":\"" + TODAY + "\"}")))
                .containsExactlyInAnyOrder("place", "link");
        assertThat(badFields(staff.post("/api/sessions/" + session + "/participants",
                "{\"organisationId\":\"\",\"role\":\"expert\",\"positionTitle\":\"%s\"}".formatted("x".repeat(201)))))
                .containsExactlyInAnyOrder("organisationId", "positionTitle");

        rule(staff.post("/api/lessons", lessonWith("{\"interviewId\":\"no-such-interview\"}")),
                "lesson-sources-exist", "sources[0].interviewId");
        rule(staff.post("/api/lessons", lessonWith("{\"interviewId\":\"%s\",\"measureId\":\"m-none\"}"
                .formatted(namedInterview))), "lesson-sources-exist", "sources[0].measureId");
        rule(staff.post("/api/sessions", "{\"topic\":\"T\",\"date\":\"%s\",\"place\":\"P\",\"lessonIds\":[\"%s\",%s]}"
                .formatted(TODAY, lesson, "\"no-such-lesson\"")), "session-lessons-exist", "lessonIds[1]");
        rule(staff.post("/api/sessions/" + session + "/participants",
                "{\"organisationId\":\"no-such-org\",\"role\":\"expert\"}"), "participant-is-registered-organisation",
                "organisationId");
        rule(staff.post("/api/sessions/" + session + "/outcomes", "{\"commitmentIds\":[\"no-such-commitment\"]}"),
                "session-commitments-exist", "commitmentIds[0]");
        assertThat(staff.post("/api/sessions/no-such-session/holding", "{}").status()).isEqualTo(404);
        assertThat(staff.post("/api/lessons/no-such-lesson/publication", "").status()).isEqualTo(404);

        long events = system.eventCount();
        assertThat(monitor.post("/api/lessons", lessonWith("{\"interviewId\":\"%s\"}".formatted(namedInterview)))
                .status()).isEqualTo(403);
        assertThat(monitor.post("/api/sessions/" + session + "/outcomes", "{\"recommendations\":[\"r\"]}")
                .status()).isEqualTo(403);
        assertThat(anyone.post("/api/sessions", "{}").status()).isEqualTo(401);
        assertThat(system.eventCount()).as("refused writes change nothing").isEqualTo(events);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aRebuildOfTheProcessViewComesOutTheSame() {
        List<String> paths = List.of("/api/lessons", "/api/lessons/" + lesson, "/api/sessions",
                "/api/sessions/" + session, "/api/lessons?status=draft");
        List<String> before = reads(paths);
        assertThat(monitor.postToQueries("/api/admin/projections/process/rebuild", "{}").status()).isEqualTo(403);
        assertThat(system.client().as("admin").postToQueries("/api/admin/projections/process/rebuild", "{}")
                .status()).isEqualTo(202);
        assertThat(reads(paths)).as("every read after the rebuild").isEqualTo(before);
        assertThat(before.get(6)).contains("Insure food bank volunteers", "deputy mayor");
        assertThat(before.get(8)).contains("Tutoring should be kept");
    }

    /** The body of each read, by staff and by the public, once the view reached the last write. */
    private static List<String> reads(List<String> paths) {
        List<String> bodies = new ArrayList<>();
        for (String path : paths) {
            String separator = path.contains("?") ? "&" : "?";
            for (TrackerClient client : List.of(staff, anyone)) {
                TrackerClient.Response response = client.get(path + separator + "minPosition=" + position);
                assertThat(response.status()).as(path).isEqualTo(200);
                bodies.add(response.body());
            }
        }
        return bodies;
    }

    private static String lessonWith(String source) {
        return "{\"title\":\"T\",\"text\":\"X\",\"field\":\"health\",\"lessonClass\":\"improve\",\"sources\":["
                + source + "]}";
    }

    private static String organisation(String name, String sector) {
        TrackerClient.Response created = staff.post("/api/organisations",
                "{\"name\":\"%s\",\"sector\":\"%s\"}".formatted(name, sector));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String interview(String organisation, String consent, String measureId, String title) {
        TrackerClient.Response recorded = staff.post("/api/organisations/" + organisation + "/interviews", """
                {"date":"2020-04-02","channel":"phone","consent":"%s",
                 "measures":[{"id":"%s","title":"%s","field":"social-support-and-basic-needs",
                              "description":"What was done","startDate":"2020-03-20"}]}"""
                .formatted(consent, measureId, title));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.json().get("id").asText();
    }

    /** Asserts the write succeeded and remembers the position it reached, for the reads that follow. */
    private static void ok(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        position = Math.max(position, response.json().get("position").asLong());
    }

    private static JsonNode read(TrackerClient client, String path) {
        String separator = path.contains("?") ? "&" : "?";
        TrackerClient.Response response = client.get(path + separator + "minPosition=" + position);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.header("Projection-Position")).isNotNull();
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("sessionId").asText()));
        return ids;
    }

    private static List<String> badFields(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static void rule(TrackerClient.Response response, String rule, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("rule").asText()).isEqualTo(rule);
        assertThat(response.json().get("field").asText()).isEqualTo(field);
    }
}
