package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole process walked through the API on the real data: the interviews of the real files go in over three
 * weeks, each week closes with an edition; lessons are drawn from real measures; three working sessions are held on
 * them and end with commitments. The insight views answer from all of it, and rebuilding every projection from the
 * events reproduces every edition's hash.
 */
class RealDataProcessIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Bucharest"));
    private static final String[] KINDS = {"scale-service", "replicate-service", "improve-measure"};
    private static final String[] CLASSES = {"scale", "replicate", "improve"};

    private final TrackerClient staff = system.client().as("staff");
    private long position;

    @Test
    void fromInterviewsThroughEditionsLessonsAndSessionsToCommitments() throws Exception {
        position = ImporterRun.realData(system, "oxcgrt_responses_romania_2020.csv").position();
        JsonNode first = edition(1, "Week 1: government measures (OxCGRT)");
        position = ImporterRun.realData(system, "eurofound_policywatch_2022-01-31.csv").position();
        JsonNode second = edition(2, "Week 2: measures across Europe's Romanian sources (Eurofound)");
        position = ImporterRun.realData(system, "eurofound_policywatch_romania_factsheet_updates_2024-10.csv")
                .position();
        JsonNode third = edition(3, "Week 3: the national measures followed as commitments");

        assertThat(first.get("measures")).hasSize(25);
        assertThat(second.get("measures")).hasSize(180);
        assertThat(second.get("changes").get("newMeasures")).hasSize(155);
        assertThat(third.get("changes").get("newMeasures")).as("the factsheet adds commitments, not interviews")
                .isEmpty();

        List<Source> sources = realSources(3);
        List<String> lessons = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Source source = sources.get(i);
            String lesson = created(staff.post("/api/lessons", """
                    {"title":"What %s teaches","text":"Drawn from the measure '%s'.","field":"%s",
                     "lessonClass":"%s","sources":[{"interviewId":"%s","measureId":"%s"}]}"""
                    .formatted(source.organisationName().replace("\"", "'"), source.measureId(), source.field(),
                            CLASSES[i], source.interviewId(), source.measureId())));
            ok(staff.post("/api/lessons/" + lesson + "/publication", ""));
            lessons.add(lesson);
        }

        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Source source = sources.get(i);
            String session = created(staff.post("/api/sessions", """
                    {"topic":"Working session %d: %s","date":"%s","place":"Cluj-Napoca, Sala de sticlă",
                     "lessonIds":["%s"]}"""
                    .formatted(i + 1, source.field(), TODAY.minusDays(10L - i), lessons.get(i))));
            created(staff.post("/api/sessions/" + session + "/participants", """
                    {"organisationId":"%s","role":"organisation-representative","positionTitle":"coordinator"}"""
                    .formatted(source.organisationId())));
            ok(staff.post("/api/sessions/" + session + "/holding", "{\"heldOn\":\"%s\"}"
                    .formatted(TODAY.minusDays(10L - i))));
            String commitment = created(staff.post("/api/commitments", """
                    {"leadOrganisationId":"%s","title":"Follow-up of working session %d","field":"%s","kind":"%s",
                     "origin":{"sessionId":"%s","lessonIds":["%s"]},"startDate":"%s","targetDate":"%s"}"""
                    .formatted(source.organisationId(), i + 1, source.field(), KINDS[i], session, lessons.get(i),
                            TODAY.minusDays(10L - i), TODAY.plusYears(1))));
            ok(staff.post("/api/sessions/" + session + "/outcomes", """
                    {"recommendations":["Keep the service running after the emergency"],
                     "supportNeeds":[{"kind":"funding","note":"running costs for a year"}],
                     "volunteeredSupport":[{"organisationId":"%s","field":"%s","note":"shares its know-how"}],
                     "commitmentIds":["%s"]}""".formatted(source.organisationId(), source.field(), commitment)));
            sessions.add(session);
        }

        JsonNode held = read("/api/sessions?status=held");
        assertThat(held.get("total").asInt()).isEqualTo(3);
        JsonNode session = read("/api/sessions/" + sessions.getFirst());
        assertThat(session.toString()).contains("Follow-up of working session 1");
        JsonNode dashboard = read("/api/dashboard");
        Set<String> sessionKeys = new HashSet<>();
        dashboard.get("bySession").forEach(group -> sessionKeys.add(group.get("key").asText()));
        assertThat(sessionKeys).containsAll(sessions);
        assertThat(dashboard.get("total").get("commitments").asLong()).as("83 factsheet measures and 3 new")
                .isEqualTo(86);

        JsonNode insights = read("/api/insights");
        List<String> spread = new ArrayList<>();
        insights.get("servicesToScaleOrReplicate").forEach(s -> spread.add(s.get("source").asText() + ":"
                + s.get("how").asText() + ":" + s.get("sourceId").asText()));
        assertThat(spread).contains("lesson:scale:" + lessons.get(0), "lesson:replicate:" + lessons.get(1));
        assertThat(spread).anyMatch(s -> s.startsWith("commitment:scale:"))
                .anyMatch(s -> s.startsWith("commitment:replicate:"));
        long fundingAtSessions = 0;
        for (JsonNode week : insights.get("supportNeedsByWeek")) {
            if (week.get("raisedIn").asText().equals("session") && week.get("kind").asText().equals("funding")) {
                fundingAtSessions += week.get("needs").asLong();
            }
        }
        assertThat(fundingAtSessions).as("one funding need identified at each session").isEqualTo(3);
        assertThat(insights.get("fieldsWithSeveralActors")).isNotEmpty();

        List<String> hashes = hashes();
        List<String> bodies = List.of(body(1), body(2), body(3));
        TrackerClient admin = system.client().as("admin");
        for (String projection : List.of("catalogue", "commitments", "process")) {
            assertThat(admin.postToQueries("/api/admin/projections/" + projection + "/rebuild", "{}").status())
                    .isEqualTo(202);
        }
        assertThat(hashes()).as("every edition's hash after rebuilding every projection").isEqualTo(hashes);
        assertThat(List.of(body(1), body(2), body(3))).isEqualTo(bodies);
    }

    /** A measure of a real interview: the first measures of the first organisations with published interviews. */
    private record Source(String organisationId, String organisationName, String interviewId, String measureId,
                          String field) {
    }

    private List<Source> realSources(int count) {
        List<Source> sources = new ArrayList<>();
        for (JsonNode organisation : read("/api/organisations?size=50").get("items")) {
            JsonNode profile = read("/api/organisations/" + organisation.get("id").asText());
            for (JsonNode interview : profile.get("interviews")) {
                JsonNode measure = interview.get("content").get("measures").get(0);
                if (measure != null && sources.size() < count) {
                    sources.add(new Source(organisation.get("id").asText(), organisation.get("name").asText(),
                            interview.get("id").asText(), measure.get("measureId").asText(),
                            measure.get("field").asText()));
                    break;
                }
            }
        }
        assertThat(sources).hasSize(count);
        return sources;
    }

    private JsonNode edition(int number, String title) {
        TrackerClient.Response published = staff.post("/api/editions",
                "{\"number\":%d,\"title\":\"%s\"}".formatted(number, title));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        position = published.json().get("position").asLong();
        return read("/api/editions/" + number);
    }

    private List<String> hashes() {
        List<String> hashes = new ArrayList<>();
        read("/api/editions").get("items").forEach(item -> hashes.add(item.get("sha256").asText()));
        assertThat(hashes).hasSize(3);
        return hashes;
    }

    private String body(int number) {
        return system.client().get("/api/editions/" + number + "?minPosition=" + position).body();
    }

    private JsonNode read(String path) {
        TrackerClient.Response response = system.client().as("auditor").get(path + (path.contains("?") ? "&" : "?")
                + "minPosition=" + position);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    private String created(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        position = Math.max(position, response.json().path("position").asLong(position));
        String location = response.headers().get("location").getFirst();
        return response.json().has("id") ? response.json().get("id").asText()
                : location.substring(location.lastIndexOf('/') + 1);
    }

    private void ok(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        position = Math.max(position, response.json().get("position").asLong());
    }
}
