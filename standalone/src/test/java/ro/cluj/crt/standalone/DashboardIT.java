package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The public commitment dashboard over a small, known set of commitments: each standing (on track, at risk by date
 * and by report, late, fulfilled, abandoned) lands where it should in counts, filtered lists, scorecards and exports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Bucharest"));
    private static String session;

    private static TrackerClient staff;
    private static TrackerClient monitor;
    private static String cityHall;
    private static String redCross;
    private static String university;
    private static final Map<String, String> ids = new TreeMap<>();
    private static long position;

    @BeforeAll
    static void commitments() {
        staff = system.client().as("staff");
        monitor = system.client().as("monitor");
        cityHall = organisation("Primăria Cluj-Napoca", "public-authority");
        redCross = organisation("Crucea Roșie Cluj", "civil-society");
        university = organisation("Universitatea Babeș-Bolyai", "academia");
        TrackerClient.Response scheduled = staff.post("/api/sessions", """
                {"topic":"Health services after the emergency","date":"%s","place":"Cluj-Napoca"}"""
                .formatted(TODAY.minusMonths(2)));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        session = scheduled.json().get("id").asText();
        make("onTrack", cityHall, List.of(redCross), "health", session, TODAY.plusMonths(3));
        make("dueSoon", cityHall, List.of(), "health", session, TODAY.plusDays(10));
        make("reportedDelayed", redCross, List.of(), "social-support-and-basic-needs", null, TODAY.plusMonths(4));
        make("late", cityHall, List.of(), "digital-services", null, TODAY.minusDays(1));
        make("fulfilled", university, List.of(), "education-and-childcare", null, TODAY.plusMonths(5));
        make("abandoned", university, List.of(redCross), "culture", null, TODAY.plusMonths(5));
        ok(monitor.post(path("onTrack") + "/progress", "{\"status\":\"on-track\",\"percentage\":20}"));
        ok(monitor.post(path("reportedDelayed") + "/progress", "{\"status\":\"delayed\",\"percentage\":5}"));
        ok(staff.post(path("fulfilled") + "/fulfilment", "{\"note\":\"done\"}"));
        ok(staff.post(path("abandoned") + "/abandonment", "{\"reason\":\"the venue closed\"}"));
    }

    @Test
    void countsEachCommitmentByWhereItStandsToday() {
        JsonNode dashboard = read("/api/dashboard");

        assertThat(dashboard.get("today").asText()).isEqualTo(TODAY.toString());
        assertThat(counts(dashboard.get("total"))).containsExactly(6L, 1L, 2L, 1L, 1L, 1L);
        assertThat(group(dashboard.get("byField"), "health")).containsExactly(2L, 1L, 1L, 0L, 0L, 0L);
        assertThat(group(dashboard.get("bySession"), session)).containsExactly(2L, 1L, 1L, 0L, 0L, 0L);
        assertThat(group(dashboard.get("bySession"), null)).containsExactly(4L, 0L, 1L, 1L, 1L, 1L);
        long made = 0;
        long fulfilled = 0;
        for (JsonNode month : dashboard.get("overTime")) {
            made += month.get("made").asLong();
            fulfilled += month.get("fulfilled").asLong();
        }
        assertThat(made).isEqualTo(6);
        assertThat(fulfilled).isEqualTo(1);
        assertThat(counts(read("/api/dashboard?atRiskWithinDays=5").get("total")))
                .as("a due date 10 days ahead is no risk when the horizon is 5 days")
                .containsExactly(6L, 2L, 1L, 1L, 1L, 1L);
    }

    @Test
    void listsFilterPageAndSort() {
        assertThat(listed("standing=late")).containsExactly("late");
        assertThat(listed("standing=at-risk")).containsExactlyInAnyOrder("dueSoon", "reportedDelayed");
        assertThat(listed("standing=open")).containsExactlyInAnyOrder("onTrack", "dueSoon", "reportedDelayed",
                "late");
        assertThat(listed("organisation=" + redCross)).as("lead or co-signer")
                .containsExactlyInAnyOrder("onTrack", "reportedDelayed", "abandoned");
        assertThat(listed("session=" + session + "&field=health")).containsExactlyInAnyOrder("onTrack", "dueSoon");
        assertThat(listed("standing=open&sort=next-due")).as("the most urgent first")
                .containsExactly("late", "dueSoon", "onTrack", "reportedDelayed");

        JsonNode first = read("/api/dashboard/commitments?sort=title&size=4&page=0");
        JsonNode second = read("/api/dashboard/commitments?sort=title&size=4&page=1");
        assertThat(first.get("total").asLong()).isEqualTo(6);
        List<String> titles = new ArrayList<>(titles(first.get("items")));
        titles.addAll(titles(second.get("items")));
        assertThat(titles).hasSize(6).isSorted().doesNotHaveDuplicates();

        JsonNode late = read("/api/dashboard/commitments?standing=late").get("items").get(0);
        assertThat(late.get("standing").asText()).isEqualTo("late");
        assertThat(late.get("status").asText()).isEqualTo("open");
        assertThat(late.get("leadOrganisationName").asText()).isEqualTo("Primăria Cluj-Napoca");
    }

    @Test
    void badFiltersAreAllNamedAndPeopleAreNeverShown() {
        TrackerClient.Response bad = system.client().get("/api/dashboard/commitments?standing=soon&field=weather"
                + "&sort=colour&direction=up&size=0&atRiskWithinDays=-1");

        assertThat(bad.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        bad.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("standing", "field", "sort", "direction", "size",
                "atRiskWithinDays");
        assertThat(system.client().get("/api/organisations/nobody/commitments").status()).isEqualTo(404);
        TrackerClient.Response unknownOrigin = staff.post("/api/commitments", """
                {"leadOrganisationId":"%s","title":"From nowhere","field":"health","kind":"improve-measure",
                 "startDate":"%s","targetDate":"%s","origin":{"sessionId":"no-such-session"}}"""
                .formatted(cityHall, TODAY, TODAY.plusYears(1)));
        assertThat(unknownOrigin.status()).as(unknownOrigin.body()).isEqualTo(422);
        assertThat(unknownOrigin.body()).contains("origin.sessionId");
        TrackerClient.Response nul = system.client().get("/api/dashboard/commitments.csv?organisation=a%00b");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("errors").get(0).get("field").asText()).isEqualTo("organisation");
        assertThat(system.client().get("/api/dashboard/commitments.json").body())
                .doesNotContain("acc-staff", "acc-monitor");
    }

    @Test
    void scorecardsShowHowEachOrganisationKeepsItsCommitments() {
        Map<String, List<Long>> cards = new TreeMap<>();
        read("/api/dashboard/scorecards").get("items").forEach(card -> cards.put(card.get("organisationId").asText(),
                List.of(card.get("made").asLong(), card.get("onTrack").asLong(), card.get("atRisk").asLong(),
                        card.get("late").asLong(), card.get("fulfilled").asLong(), card.get("abandoned").asLong())));

        assertThat(cards).containsEntry(cityHall, List.of(3L, 1L, 1L, 1L, 0L, 0L))
                .containsEntry(redCross, List.of(3L, 1L, 1L, 0L, 0L, 1L))
                .containsEntry(university, List.of(2L, 0L, 0L, 0L, 1L, 1L));
        JsonNode ofRedCross = read("/api/organisations/" + redCross + "/commitments");
        assertThat(ofRedCross.get("scorecard").get("name").asText()).isEqualTo("Crucea Roșie Cluj");
        List<String> roles = new ArrayList<>();
        ofRedCross.get("commitments").forEach(c -> roles.add(c.get("role").asText()));
        assertThat(roles).containsExactlyInAnyOrder("co-signer", "lead", "co-signer");
    }

    @Test
    void exportsHoldTheSameRowsAsTheLists() {
        TrackerClient.Response csv = system.client().get("/api/dashboard/commitments.csv?minPosition=" + position);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().get("content-type").getFirst()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("commitment_id,title,field,kind,lead_organisation_id,lead_organisation_name,"
                + "co_signer_ids,session_id,status,standing,start_date,target_date,next_due_date,missed_milestones,"
                + "progress_status,percentage,progress_for,assessment,made_at,changed_at,last_sequence");
        assertThat(lines).hasSize(7);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(ids.get("onTrack") + ",")
                .contains(",health,", "," + redCross + "," + session + ",open,on-track,", ",on-track,20,"));

        JsonNode json = read("/api/dashboard/commitments.json?standing=open");
        assertThat(json.size()).isEqualTo(4);

        String scorecards = system.client().get("/api/dashboard/scorecards.csv").body();
        assertThat(scorecards.split("\r\n")).hasSize(4)
                .contains(university + ",Universitatea Babeș-Bolyai,2,0,0,0,1,1");

        String results = system.client().get("/api/dashboard/commitments.decidim.csv?locales=ro").body();
        assertThat(results.split("\r\n")[0]).isEqualTo("id;category/id;category/name/ro;scope/id;scope/name/ro;"
                + "parent/id;title/ro;description/ro;start_date;end_date;status/id;status/key;status/name/ro;"
                + "progress;created_at;url;component/id;proposal_urls");
        assertThat(results).contains(ids.get("fulfilled") + ";;Educație și îngrijirea copiilor;;;;Commitment "
                + "fulfilled;;");
        assertThat(results).containsPattern(";fulfilled;Îndeplinit;100;\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC;"
                + "http://[^;]+/api/commitments/" + ids.get("fulfilled") + "/timeline;;");
        assertThat(system.client().get("/api/dashboard/commitments.decidim.csv?locales=en,%3Cscript%3E").status())
                .isEqualTo(400);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aWithdrawnCoSignerLeavesTheScorecardAndARebuildComesOutTheSame() {
        long withdrawn = ok(staff.post(path("onTrack") + "/co-signers/" + redCross + "/withdrawal",
                "{\"reason\":\"merged into another commitment\"}"));
        JsonNode card = read("/api/organisations/" + redCross + "/commitments?minPosition=" + withdrawn);
        assertThat(card.get("scorecard").get("made").asLong()).isEqualTo(2);
        ok(staff.post(path("onTrack") + "/co-signers", "{\"organisationId\":\"" + redCross + "\"}"));
        long last = ok(monitor.post(path("onTrack") + "/reviews", "{\"assessment\":\"limited\"}"));

        String before = system.client().get("/api/dashboard/commitments.json?minPosition=" + last).body();
        String dashboardBefore = system.client().get("/api/dashboard").body();
        assertThat(system.client().as("admin").postToQueries("/api/admin/projections/commitments/rebuild", "{}")
                .status()).isEqualTo(202);
        assertThat(system.client().get("/api/dashboard/commitments.json?minPosition=" + last).body())
                .as("the rebuilt dashboard").isEqualTo(before);
        assertThat(system.client().get("/api/dashboard").body()).isEqualTo(dashboardBefore);
        assertThat(before).contains("\"assessment\":\"limited\"");
    }

    private static String organisation(String name, String sector) {
        TrackerClient.Response created = staff.post("/api/organisations",
                "{\"name\":\"%s\",\"sector\":\"%s\"}".formatted(name, sector));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static void make(String name, String lead, List<String> coSigners, String field, String sessionId,
                             LocalDate due) {
        String coSignerIds = String.join(",", coSigners.stream().map(id -> "\"" + id + "\"").toList());
        TrackerClient.Response made = staff.post("/api/commitments", """
                {"leadOrganisationId":"%s","coSignerIds":[%s],"title":"Commitment %s","field":"%s",
                 "kind":"improve-measure","startDate":"%s","targetDate":"%s",%s
                 "milestones":[{"id":"m1","title":"First step","dueDate":"%s"}]}"""
                .formatted(lead, coSignerIds, name, field, TODAY.minusMonths(2), TODAY.plusYears(1),
                        sessionId == null ? "" : "\"origin\":{\"sessionId\":\"" + sessionId + "\"},", due));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        ids.put(name, made.json().get("id").asText());
        position = Math.max(position, made.json().get("position").asLong());
    }

    private static String path(String name) {
        return "/api/commitments/" + ids.get(name);
    }

    private static long ok(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        position = Math.max(position, response.json().get("position").asLong());
        return position;
    }

    private static JsonNode read(String path) {
        TrackerClient.Response response = system.client().get(path + (path.contains("?") ? "&" : "?")
                + "minPosition=" + position);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> listed(String filter) {
        List<String> names = new ArrayList<>();
        read("/api/dashboard/commitments?" + filter).get("items").forEach(item -> names.add(
                item.get("title").asText().substring("Commitment ".length())));
        return names;
    }

    private static List<String> titles(JsonNode items) {
        List<String> titles = new ArrayList<>();
        items.forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    private static List<Long> counts(JsonNode counts) {
        return List.of(counts.get("commitments").asLong(), counts.get("onTrack").asLong(),
                counts.get("atRisk").asLong(), counts.get("late").asLong(), counts.get("fulfilled").asLong(),
                counts.get("abandoned").asLong());
    }

    private static List<Long> group(JsonNode groups, String key) {
        for (JsonNode group : groups) {
            if (key == null ? group.get("key").isNull() : group.get("key").asText().equals(key)) {
                return counts(group.get("counts"));
            }
        }
        throw new AssertionError("no group " + key + " in " + groups);
    }
}
