package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

/**
 * Weekly editions through the running system: each is the public report frozen at its place in the history, with a
 * hash over its canonical JSON that a reader can check; a correction is a new edition and leaves the old one as it
 * was; feeds list them; a rebuild of every projection reproduces every edition byte for byte.
 */
class EditionIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    private static final ObjectMapper JSON = new ObjectMapper();
    private long position;

    @Test
    void editionsFreezeThePublicReportAndSurviveARebuildByteForByte() throws Exception {
        TrackerClient staff = system.client().as("staff");
        String library = created(staff.post("/api/organisations",
                "{\"name\":\"Biblioteca Județeană\",\"sector\":\"public-authority\"}"));
        String company = created(staff.post("/api/organisations", "{\"name\":\"Fabrica\",\"sector\":\"business\"}"));
        created(staff.post("/api/organisations/" + library + "/contacts",
                "{\"name\":\"Ana Contactescu-Qq\",\"email\":\"ana.qq@example.ro\"}"));
        created(staff.post("/api/organisations/" + library + "/interviews", interview("publish",
                "Online reading club", "culture", "")));
        created(staff.post("/api/organisations/" + company + "/interviews", interview("not-for-publication",
                "Masks for hospitals", "health", "")));

        JsonNode first = publish(staff, "{\"number\":1,\"title\":\"Week 19 <b>bold</b>\",\"weekOf\":\"2020-05-04\"}");
        assertThat(publish(staff, "{\"number\":1,\"title\":\"Week 19 <b>bold</b>\",\"weekOf\":\"2020-05-04\"}"))
                .as("the same edition again answers as the first time").isEqualTo(first);
        assertThat(staff.post("/api/editions", "{\"number\":1,\"title\":\"Other\"}").status()).isEqualTo(409);
        assertThat(staff.post("/api/editions", "{\"number\":3,\"title\":\"Gap\"}").status()).isEqualTo(422);
        assertThat(system.client().as("monitor").post("/api/editions", "{\"number\":2,\"title\":\"x\"}").status())
                .isEqualTo(403);
        TrackerClient.Response bad = staff.post("/api/editions", "{\"number\":0,\"title\":\" \"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad.json())).containsExactlyInAnyOrder("number", "title");

        Edition one = edition(1);
        assertThat(one.json().get("measures")).hasSize(1);
        assertThat(one.json().get("measures").get(0).get("title").asText()).isEqualTo("Online reading club");
        assertThat(one.body()).as("no personal data, no unconsented measure")
                .doesNotContain("Contactescu", "ana.qq", "Masks for hospitals");
        assertThat(one.json().get("changes").get("newOrganisations").get(0).get("name").asText())
                .isEqualTo("Biblioteca Județeană");

        created(staff.post("/api/organisations/" + company + "/interviews", interview("publish-without-name",
                "Switched production to masks", "business-continuity",
                "\"supportNeeds\":[{\"kind\":\"funding\",\"horizon\":\"short-term\"}],")));
        publish(staff, "{\"number\":2,\"title\":\"Week 20\"}");
        Edition two = edition(2);
        JsonNode changes = two.json().get("changes");
        assertThat(changes.get("since").asInt()).isEqualTo(1);
        assertThat(changes.get("newMeasures")).hasSize(1);
        assertThat(changes.get("newMeasures").get(0).get("organisationName").isNull())
                .as("consented without its name").isTrue();
        assertThat(changes.get("supportNeedsAppeared").get(0).get("kind").asText()).isEqualTo("funding");
        assertThat(changes.get("organisationsBefore").asLong()).isEqualTo(1);
        assertThat(changes.get("organisationsNow").asLong()).isEqualTo(2);

        assertThat(staff.post("/api/editions", "{\"number\":3,\"title\":\"Fix\",\"corrects\":2}").status())
                .as("a correction says why").isEqualTo(400);
        publish(staff, "{\"number\":3,\"title\":\"Week 20, corrected\",\"corrects\":2,"
                + "\"reason\":\"a measure was filed under the wrong field\"}");
        assertThat(edition(2).body()).as("a correction leaves the corrected edition as it was")
                .isEqualTo(two.body());
        JsonNode list = system.client().get("/api/editions?minPosition=" + position).json();
        assertThat(list.get("total").asInt()).isEqualTo(3);
        assertThat(list.get("items").get(1).get("correctedBy").get(0).asInt()).isEqualTo(3);

        Document atom = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(
                new ByteArrayInputStream(system.client().get("/api/editions/feed.atom").body()
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(atom.getElementsByTagName("entry").getLength()).isEqualTo(3);
        JsonNode jsonFeed = system.client().get("/api/editions/feed.json").json();
        assertThat(jsonFeed.get("items").get(2).get("_crt").get("sha256").asText()).isEqualTo(one.sha256());
        String page = system.client().get("/api/editions/1.html").body();
        assertThat(page).contains("Week 19 &lt;b&gt;bold&lt;/b&gt;", one.sha256()).doesNotContain("<b>bold");
        String csv = system.client().get("/api/editions/2.csv").body();
        assertThat(csv.split("\r\n")).hasSize(3)
                .startsWith("measure_id,title,field,organisation_id,organisation_name,sector");
        assertThat(system.client().get("/api/editions/9").status()).isEqualTo(404);
        assertThat(system.client().get("/api/editions/x1").status()).isEqualTo(400);

        List<String> before = List.of(edition(1).body(), edition(2).body(), edition(3).body());
        TrackerClient admin = system.client().as("admin");
        for (String projection : List.of("catalogue", "commitments")) {
            assertThat(admin.postToQueries("/api/admin/projections/" + projection + "/rebuild", "{}").status())
                    .isEqualTo(202);
        }
        assertThat(List.of(edition(1).body(), edition(2).body(), edition(3).body()))
                .as("every edition rebuilt from the events, byte for byte").isEqualTo(before);
    }

    private JsonNode publish(TrackerClient staff, String body) {
        TrackerClient.Response published = staff.post("/api/editions", body);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        position = Math.max(position, published.json().get("position").asLong());
        return published.json();
    }

    /** An edition as served, after checking its hash three ways: body, headers and the list. */
    private Edition edition(int number) throws Exception {
        TrackerClient.Response response = system.client().get("/api/editions/" + number + "?minPosition=" + position);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(response.body().getBytes(StandardCharsets.UTF_8));
        String sha256 = HexFormat.of().formatHex(digest);
        assertThat(response.headers().get("etag").getFirst()).isEqualTo("\"" + sha256 + "\"");
        assertThat(response.headers().get("content-digest").getFirst())
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":");
        JsonNode listed = system.client().get("/api/editions?minPosition=" + position).json().get("items");
        listed.forEach(item -> {
            if (item.get("number").asInt() == number) {
                assertThat(item.get("sha256").asText()).isEqualTo(sha256);
            }
        });
        JsonNode json = JSON.readTree(response.body());
        assertSortedKeys(json);
        return new Edition(response.body(), json, sha256);
    }

    /** RFC 8785 orders every object's members by their names. */
    private static void assertSortedKeys(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                names.add(field.getKey());
                assertSortedKeys(field.getValue());
            }
            assertThat(names).isSorted();
        } else if (node.isArray()) {
            node.forEach(EditionIT::assertSortedKeys);
        }
    }

    private record Edition(String body, JsonNode json, String sha256) {
    }

    private String created(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        position = Math.max(position, response.json().get("position").asLong());
        return response.json().has("id") ? response.json().get("id").asText() : response.json().get("personId")
                .asText();
    }

    private static String interview(String consent, String title, String field, String more) {
        return "{\"date\":\"2020-05-04\",\"channel\":\"phone\",\"consent\":\"" + consent + "\"," + more
                + "\"measures\":[{\"title\":\"" + title + "\",\"description\":\"" + title + " in 2020\",\"field\":\""
                + field + "\"}]}";
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
