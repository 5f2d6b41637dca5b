package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Through the running system a commitment is made, progressed, revised, reviewed and fulfilled; its public timeline
 * shows each step with the role that took it, why, and when it happened as well as when it was recorded.
 */
class CommitmentIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    @Test
    void aCommitmentsLifeShowsStepByStepOnItsTimeline() {
        TrackerClient staff = system.client().as("staff");
        TrackerClient monitor = system.client().as("monitor");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        String lead = staff.post("/api/organisations", "{\"name\":\"Primaria Cluj\",\"sector\":\"public-authority\","
                + "\"authorityLevel\":\"local\"}").json().get("id").asText();
        String making = """
                {"leadOrganisationId":"%s","title":"Scale the food bank network",
                 "field":"social-support-and-basic-needs","kind":"scale-service","startDate":"%s","targetDate":"%s",
                 "milestones":[{"id":"m1","title":"Second warehouse","dueDate":"%s"}]}"""
                .formatted(lead, today.minusMonths(6), today.plusYears(1), today.plusMonths(3));
        assertThat(monitor.post("/api/commitments", making).status()).as("monitors do not make").isEqualTo(403);
        TrackerClient.Response made = staff.post("/api/commitments", making, Map.of("Idempotency-Key", "make-1"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().get("id").asText();
        assertThat(staff.post("/api/commitments", making, Map.of("Idempotency-Key", "make-1")).body())
                .as("a repeated make answers as the first time").isEqualTo(made.body());
        String path = "/api/commitments/" + id;
        List<Answer> answers = new ArrayList<>();
        answers.add(answer(path, made.json().get("position").asLong()));

        assertThat(staff.post(path + "/progress", "{\"status\":\"on-track\"}").status())
                .as("staff do not report progress").isEqualTo(403);
        answers.add(answer(path, ok(monitor.post(path + "/progress", """
                {"status":"on-track","percentage":30,"note":"first depot open","reportedFor":"%s"}"""
                .formatted(today.minusMonths(2))))));
        answers.add(answer(path, ok(staff.post(path + "/revisions", """
                {"part":"targetDate","value":"%s","reason":"funding came later"}""".formatted(today.plusYears(2))))));
        answers.add(answer(path, ok(monitor.post(path + "/reviews",
                "{\"assessment\":\"substantial\",\"note\":\"on its way\"}"))));
        answers.add(answer(path, ok(monitor.post(path + "/progress", """
                {"status":"delayed","percentage":10,"reportedFor":"%s","reason":"an older report, found late"}"""
                .formatted(today.minusMonths(3))))));
        JsonNode happened = system.client().get(path + "?line=happened&asOf=" + today).json();
        assertThat(happened.get("latestProgress").get("percentage").asInt())
                .as("what had happened by today: the report about the later date").isEqualTo(30);
        assertThat(answers.getLast().body().get("latestProgress").get("percentage").asInt())
                .as("what the tracker showed: the last report recorded").isEqualTo(10);
        answers.add(answer(path, ok(staff.post(path + "/milestones/m1/achievement",
                "{\"achievedOn\":\"%s\"}".formatted(today)))));
        long position = ok(staff.post(path + "/fulfilment", "{\"note\":\"network runs in 5 districts\"}"));
        answers.add(answer(path, position));
        for (Answer answer : answers) {
            assertThat(system.client().get(path + "?asOf=" + answer.at()).json())
                    .as("as of %s, as the API answered then", answer.at()).isEqualTo(answer.body());
        }
        assertThat(answers.getLast().body().get("status").asText()).isEqualTo("fulfilled");
        assertThat(answers.get(2).body().get("targetDate").asText()).isEqualTo(today.plusYears(2).toString());
        assertThat(answers.get(1).body().get("targetDate").asText()).isEqualTo(today.plusYears(1).toString());
        assertThat(monitor.post(path + "/progress", "{\"status\":\"on-track\"}").status())
                .as("nothing changes after fulfilment").isEqualTo(409);

        JsonNode timeline = system.client().get(path + "/timeline?minPosition=" + position).json();
        JsonNode entries = timeline.get("entries");
        assertThat(types(entries)).containsExactly("CommitmentMade", "ProgressReported", "CommitmentRevised",
                "CommitmentReviewed", "ProgressReported", "MilestoneAchieved", "CommitmentFulfilled");
        assertThat(roles(entries)).containsExactly("staff", "monitor", "staff", "monitor", "monitor", "staff", "staff");
        JsonNode progress = entries.get(1);
        assertThat(progress.get("occurredOn").asText()).isEqualTo(today.minusMonths(2).toString());
        assertThat(progress.get("recordedAt").asText()).startsWith(today.getYear() + "-");
        JsonNode revision = entries.get(2);
        assertThat(revision.get("reason").asText()).isEqualTo("funding came later");
        assertThat(revision.get("content").get("previousValue").asText()).isEqualTo(today.plusYears(1).toString());
        assertThat(revision.get("content").get("value").asText()).isEqualTo(today.plusYears(2).toString());
        assertThat(progress.has("actorId")).as("the public sees roles, not accounts").isFalse();
        JsonNode asAuditor = system.client().as("auditor").get(path + "/timeline").json().get("entries");
        assertThat(asAuditor.get(1).get("actorId").asText()).isEqualTo("acc-monitor-0001");

        String before = system.client().get(path + "/timeline?minPosition=" + position).body();
        assertThat(system.client().as("admin").postToQueries("/api/admin/projections/commitments/rebuild", "{}")
                .status()).isEqualTo(202);
        assertThat(system.client().get(path + "/timeline?minPosition=" + position).body())
                .as("the rebuilt timeline").isEqualTo(before);
    }

    @Test
    void theTrackerItselfRecordsAMilestoneThatPassedUnmet() throws InterruptedException {
        TrackerClient staff = system.client().as("staff");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        String lead = staff.post("/api/organisations", "{\"name\":\"Universitatea\",\"sector\":\"academia\"}")
                .json().get("id").asText();
        TrackerClient.Response made = staff.post("/api/commitments", """
                {"leadOrganisationId":"%s","title":"Open data portal","field":"digital-services",
                 "kind":"improve-measure","startDate":"%s","targetDate":"%s",
                 "milestones":[{"id":"late","title":"Publish first data set","dueDate":"%s"},
                               {"id":"later","title":"Publish the rest","dueDate":"%s"}]}"""
                .formatted(lead, today.minusMonths(3), today.plusMonths(6), today.minusDays(1), today.plusMonths(2)));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String path = "/api/commitments/" + made.json().get("id").asText() + "/timeline";

        JsonNode missed = awaitEntry(path, "MilestoneMissed");

        assertThat(missed.get("actorRole").asText()).isEqualTo("system");
        assertThat(missed.get("content").get("milestoneId").asText()).isEqualTo("late");
        assertThat(missed.get("occurredOn").asText()).isEqualTo(today.minusDays(1).toString());
        assertThat(types(system.client().get(path).json().get("entries")))
                .containsExactly("CommitmentMade", "MilestoneMissed");
    }

    /** Waits (up to 30 s) for the deadline to fire and the timeline to show it. */
    static JsonNode awaitEntry(String path, String type) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            TrackerClient.Response timeline = system.client().get(path);
            if (timeline.status() == 200) {
                for (JsonNode entry : timeline.json().get("entries")) {
                    if (entry.get("type").asText().equals(type)) {
                        return entry;
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no " + type + " on " + path);
    }

    /** What the API answered for the commitment's state at one moment. */
    private record Answer(Instant at, JsonNode body) {
    }

    private static Answer answer(String path, long position) {
        JsonNode body = system.client().get(path + "?minPosition=" + position).json();
        Instant at = Instant.now();
        return new Answer(at, body);
    }

    private static long ok(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("position").asLong();
    }

    private static List<String> types(JsonNode entries) {
        List<String> types = new ArrayList<>();
        entries.forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    private static List<String> roles(JsonNode entries) {
        List<String> roles = new ArrayList<>();
        entries.forEach(entry -> roles.add(entry.get("actorRole").asText()));
        return roles;
    }
}
