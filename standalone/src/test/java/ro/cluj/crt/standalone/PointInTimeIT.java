package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Point in time through the running system: along a scripted history the test keeps what the live report answered
 * after each step, to the public and to an auditor; afterwards the report as of each step's position, and as of
 * the moment just after it, is computed again from the events and must be the same bytes. An edition published
 * mid-history is the public report at its position; a commitment's state at each position of its history is what
 * the API answered then.
 */
class PointInTimeIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Bucharest"));

    private final List<Step> steps = new ArrayList<>();
    private TrackerClient staff;
    private TrackerClient auditor;

    @Test
    void everyPastReportIsComputedAgainFromTheEventsByteForByte() {
        staff = system.client().as("staff");
        auditor = system.client().as("auditor");
        String library = id(step("library registered", staff.post("/api/organisations",
                "{\"name\":\"Biblioteca Județeană\",\"sector\":\"public-authority\","
                        + "\"authorityLevel\":\"regional\"}")));
        String company = id(step("company registered", staff.post("/api/organisations",
                "{\"name\":\"Fabrica de Măști\",\"sector\":\"business\"}")));
        String contact = step("contact recorded", staff.post("/api/organisations/" + library + "/contacts",
                "{\"name\":\"Ana Contactescu\",\"email\":\"ana@example.ro\"}")).json().get("personId").asText();
        String reading = id(step("published interview", staff.post("/api/organisations/" + library + "/interviews",
                interview("publish", "Online reading club", "culture", ""))));
        String masks = id(step("interview published without name", staff.post("/api/organisations/" + company
                + "/interviews", interview("publish-without-name", "Masks for hospitals", "health",
                "\"supportNeeds\":[{\"kind\":\"funding\",\"horizon\":\"short-term\"}],"
                        + "\"supportOffer\":{\"willing\":true,\"fields\":[\"health\"]},"))));
        step("unconsented interview", staff.post("/api/organisations/" + company + "/interviews",
                interview("not-for-publication", "Night shifts", "business-continuity", "")));
        step("edition published", staff.post("/api/editions",
                "{\"number\":1,\"title\":\"Week 19\",\"weekOf\":\"2020-05-04\"}"));
        Step edition = steps.getLast();
        step("interview amended", staff.post("/api/interviews/" + reading + "/amendments", interview("publish",
                "Online reading club and lending by post", "education-and-childcare",
                "\"reason\":\"lending added\",")));
        step("interview retracted", staff.post("/api/interviews/" + masks + "/retraction",
                "{\"reason\":\"recorded for the wrong organisation\"}"));
        step("contact changed", staff.put("/api/organisations/" + library + "/contacts/" + contact,
                "{\"name\":\"Ana Contactescu-Pop\",\"email\":\"ana.pop@example.ro\"}"));
        String hospital = id(step("hospital registered", staff.post("/api/organisations",
                "{\"name\":\"Spitalul Clinic\",\"sector\":\"public-authority\",\"authorityLevel\":\"regional\"}")));
        step("hospital interviewed", staff.post("/api/organisations/" + hospital + "/interviews",
                interview("publish", "Masks for hospitals", "health", "")));

        assertThat(new HashSet<>(steps.stream().map(Step::publicReport).toList()))
                .as("registrations, contacts and editions change no report; the five interview steps do")
                .hasSize(6);
        assertThat(steps.get(5).publicReport()).as("an unconsented interview is not public")
                .isEqualTo(steps.get(4).publicReport());
        assertThat(steps.get(5).auditorReport()).as("but the auditor counts it")
                .isNotEqualTo(steps.get(4).auditorReport());
        for (Step step : steps) {
            for (String reader : List.of("public", "auditor")) {
                TrackerClient client = reader.equals("public") ? system.client() : auditor;
                String recorded = reader.equals("public") ? step.publicReport() : step.auditorReport();
                TrackerClient.Response atPosition = client.get("/api/report?atPosition=" + step.position());
                assertThat(atPosition.status()).as(atPosition.body()).isEqualTo(200);
                assertThat(atPosition.body()).as("%s, %s, at its position", step.name(), reader).isEqualTo(recorded);
                assertThat(atPosition.header("Projection-Position")).isEqualTo(Long.toString(step.position()));
                assertThat(client.get("/api/report?atPosition=" + step.livePosition()).body())
                        .as("%s, %s, at the position the live read answered", step.name(), reader)
                        .isEqualTo(recorded);
                TrackerClient.Response asOf = client.get("/api/report?asOf=" + step.after());
                assertThat(asOf.body()).as("%s, %s, as of %s", step.name(), reader, step.after()).isEqualTo(recorded);
                assertThat(Long.parseLong(asOf.header("Projection-Position"))).isGreaterThanOrEqualTo(step.position());
            }
        }

        JsonNode frozen = system.client().get("/api/editions/1?minPosition=" + edition.position()).json();
        long editionPosition = frozen.get("position").asLong();
        assertThat(editionPosition).isEqualTo(edition.position());
        assertThat(system.client().get("/api/report?atPosition=" + editionPosition).json())
                .as("the edition is the public report at its position").isEqualTo(frozen.get("report"));
        assertThat(system.client().get("/api/report?asOf=" + TODAY).body())
                .as("as of today: the report now").isEqualTo(steps.getLast().publicReport());
        assertThat(auditor.get("/api/report").body()).as("the replays left the live view as it was")
                .isEqualTo(steps.getLast().auditorReport());
    }

    @Test
    void aCommitmentsStateAtEachPositionIsWhatTheApiAnsweredThen() {
        TrackerClient staff = system.client().as("staff");
        TrackerClient monitor = system.client().as("monitor");
        String lead = staff.post("/api/organisations", "{\"name\":\"Primăria\",\"sector\":\"public-authority\","
                + "\"authorityLevel\":\"local\"}").json().get("id").asText();
        TrackerClient.Response made = staff.post("/api/commitments", """
                {"leadOrganisationId":"%s","title":"Open the food bank","field":"social-support-and-basic-needs",
                 "kind":"scale-service","startDate":"%s","targetDate":"%s",
                 "milestones":[{"id":"m1","title":"Warehouse","dueDate":"%s"}]}"""
                .formatted(lead, TODAY.minusMonths(6), TODAY.plusYears(1), TODAY.plusMonths(3)));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String path = "/api/commitments/" + made.json().get("id").asText();
        long before = made.json().get("position").asLong() - 1;
        List<Map.Entry<Long, String>> answers = new ArrayList<>();
        answers.add(state(path, made));
        answers.add(state(path, monitor.post(path + "/progress",
                "{\"status\":\"on-track\",\"percentage\":40,\"reportedFor\":\"%s\"}".formatted(TODAY))));
        staff.post("/api/organisations", "{\"name\":\"Between\",\"sector\":\"academia\"}");
        answers.add(state(path, staff.post(path + "/revisions", """
                {"part":"targetDate","value":"%s","reason":"funding came later"}""".formatted(TODAY.plusYears(2)))));
        answers.add(state(path, staff.post(path + "/fulfilment", "{\"note\":\"open in 3 districts\"}")));

        assertThat(new HashSet<>(answers.stream().map(Map.Entry::getValue).toList())).hasSize(answers.size());
        for (Map.Entry<Long, String> answer : answers) {
            TrackerClient.Response at = system.client().get(path + "?atPosition=" + answer.getKey());
            assertThat(at.status()).as(at.body()).isEqualTo(200);
            assertThat(at.body()).as("at position %d", answer.getKey()).isEqualTo(answer.getValue());
            assertThat(at.header("Projection-Position")).isEqualTo(Long.toString(answer.getKey()));
        }
        assertThat(system.client().get(path + "?atPosition=" + (answers.get(2).getKey() - 1)).body())
                .as("between two of its events, the earlier state").isEqualTo(answers.get(1).getValue());
        assertThat(system.client().get(path + "?atPosition=" + before).status())
                .as("before it was made").isEqualTo(404);
    }

    @Test
    void badPointsInTimeAreRefusedNamingTheParameter() {
        TrackerClient anyone = system.client();
        long head = system.count("SELECT coalesce(max(global_index), -1) FROM event_store.domain_event_entry");
        assertThat(refused(anyone.get("/api/report?atPosition=abc"))).containsExactly("atPosition");
        assertThat(refused(anyone.get("/api/report?atPosition=-1"))).containsExactly("atPosition");
        assertThat(refused(anyone.get("/api/report?atPosition=" + (head + 1000)))).containsExactly("atPosition");
        assertThat(refused(anyone.get("/api/report?asOf=yesterday"))).containsExactly("asOf");
        assertThat(refused(anyone.get("/api/report?asOf=" + TODAY.plusDays(1)))).containsExactly("asOf");
        assertThat(refused(anyone.get("/api/report?asOf=" + Instant.now().plusSeconds(3600))))
                .containsExactly("asOf");
        assertThat(refused(anyone.get("/api/report?asOf=" + TODAY + "&atPosition=1")))
                .containsExactly("atPosition");
        assertThat(refused(anyone.get("/api/commitments/any?atPosition=x"))).containsExactly("atPosition");
        assertThat(refused(anyone.get("/api/commitments/any?atPosition=" + (head + 1000))))
                .containsExactly("atPosition");
        assertThat(anyone.get("/api/report?asOf=2000-01-01").json().get("totals").get("interviews").asLong())
                .as("before the first event the report is empty").isZero();
    }

    /** What the step wrote and what the live report answered once it had caught up with it. */
    private record Step(String name, long position, long livePosition, Instant after, String publicReport,
                        String auditorReport) {
    }

    private TrackerClient.Response step(String name, TrackerClient.Response written) {
        assertThat(written.status()).as("%s: %s", name, written.body()).isIn(200, 201);
        long position = written.json().get("position").asLong();
        TrackerClient.Response publicReport = system.client().get("/api/report?minPosition=" + position);
        TrackerClient.Response auditorReport = auditor.get("/api/report?minPosition=" + position);
        assertThat(publicReport.status()).isEqualTo(200);
        assertThat(auditorReport.status()).isEqualTo(200);
        steps.add(new Step(name, position, Long.parseLong(publicReport.header("Projection-Position")), Instant.now(),
                publicReport.body(), auditorReport.body()));
        return written;
    }

    private static Map.Entry<Long, String> state(String path, TrackerClient.Response written) {
        assertThat(written.status()).as(written.body()).isIn(200, 201);
        long position = written.json().get("position").asLong();
        return Map.entry(position, system.client().get(path + "?minPosition=" + position).body());
    }

    private static List<String> refused(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static String id(TrackerClient.Response response) {
        return response.json().get("id").asText();
    }

    private static String interview(String consent, String title, String field, String more) {
        return "{\"date\":\"2020-05-04\",\"channel\":\"phone\",\"consent\":\"" + consent + "\"," + more
                + "\"measures\":[{\"title\":\"" + title + "\",\"description\":\"" + title + " in 2020\",\"field\":\""
                + field + "\"}]}";
    }
}
