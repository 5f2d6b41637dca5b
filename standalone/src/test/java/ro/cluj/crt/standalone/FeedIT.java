package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Atom feeds through the running system: parsed as XML, a commitment's feed holds its timeline entry for entry,
 * an organisation's its commitments' changes and its interviews published with consent; markup in texts stays text;
 * conditional requests are answered 304; long feeds page with a next link.
 */
class FeedIT {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String TRICKY = "Soup & bread <script>alert('x')</script> \"for\" all";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    @Test
    void aCommitmentsFeedHoldsItsTimelineEntryForEntry() throws Exception {
        TrackerClient staff = system.client().as("staff");
        TrackerClient monitor = system.client().as("monitor");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        String organisation = created(staff.post("/api/organisations",
                "{\"name\":\"Asociatia <Masa> & Co\",\"sector\":\"civil-society\"}"));
        String commitment = created(staff.post("/api/commitments", """
                {"leadOrganisationId":"%s","title":%s,"field":"social-support-and-basic-needs",
                 "kind":"scale-service","startDate":"%s","targetDate":"%s"}"""
                .formatted(organisation, TrackerClient.json(TRICKY), today.minusMonths(1), today.plusYears(1))));
        String path = "/api/commitments/" + commitment;
        ok(monitor.post(path + "/progress",
                "{\"status\":\"on-track\",\"percentage\":30,\"note\":\"first depot < second & third\"}"));
        long revised = ok(staff.post(path + "/revisions",
                "{\"part\":\"targetDate\",\"value\":\"%s\",\"reason\":\"funding came later\"}"
                        .formatted(today.plusYears(2))));

        HttpResponse<String> answer = get(path + "/feed.atom?minPosition=" + revised, null, null);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        assertThat(answer.body()).doesNotContain("<script>");
        Element feed = parse(answer.body());
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(text(feed, "title")).isEqualTo("Commitment: " + TRICKY);
        assertThat(text(feed, "id")).endsWith(path + "/feed.atom");

        JsonNode timeline = system.client().get(path + "/timeline").json().get("entries");
        List<String> eventIds = new ArrayList<>();
        system.client().as("auditor").get("/api/audit/aggregates/" + commitment + "/events").json()
                .forEach(event -> eventIds.add(event.get("eventId").asText()));
        List<Element> entries = entries(feed);
        assertThat(entries).hasSize(timeline.size()).hasSize(3);
        for (int i = 0; i < entries.size(); i++) {
            Element entry = entries.get(i);
            JsonNode step = timeline.get(timeline.size() - 1 - i);
            assertThat(text(entry, "id")).as("newest first, id from the event").isEqualTo("urn:uuid:"
                    + eventIds.get(step.get("sequence").asInt()));
            assertThat(Instant.parse(text(entry, "updated"))).isEqualTo(Instant.parse(step.get("recordedAt")
                    .asText()));
            assertThat(text((Element) entry.getElementsByTagNameNS(ATOM, "author").item(0), "name"))
                    .as("the role, not the person").isEqualTo(step.get("actorRole").asText());
            assertThat(text(entry, "title")).endsWith(": " + TRICKY);
            assertThat(link(entry, "alternate")).endsWith(path + "/timeline");
        }
        assertThat(text(entries.get(0), "title")).startsWith("Commitment revised");
        assertThat(text(entries.get(0), "summary")).contains(today.plusYears(1) + " → " + today.plusYears(2))
                .contains("Reason: funding came later");
        assertThat(text(entries.get(1), "summary")).contains("percentage: 30")
                .contains("first depot < second & third");
        assertThat(text(entries.get(2), "title")).startsWith("Commitment made");
        assertThat(text(feed, "updated")).isEqualTo(text(entries.get(0), "updated"));

        String etag = answer.headers().firstValue("ETag").orElseThrow();
        String lastModified = answer.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(get(path + "/feed.atom", etag, null).statusCode()).isEqualTo(304);
        assertThat(get(path + "/feed.atom", null, lastModified).statusCode()).isEqualTo(304);
        long reviewed = ok(monitor.post(path + "/reviews", "{\"assessment\":\"substantial\"}"));
        HttpResponse<String> changed = get(path + "/feed.atom?minPosition=" + reviewed, etag, null);
        assertThat(changed.statusCode()).as("a new entry, a new ETag").isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(entries(parse(changed.body()))).hasSize(4);

        assertThat(get("/api/commitments/no-such-commitment/feed.atom", null, null).statusCode()).isEqualTo(404);
        assertThat(get(path + "/feed.atom?page=-1", null, null).statusCode()).isEqualTo(400);
        assertThat(get(path + "/feed.atom?page=x", null, null).statusCode()).isEqualTo(400);
    }

    @Test
    void anOrganisationsFeedHoldsItsCommitmentsAndConsentedInterviewsAndPages() throws Exception {
        TrackerClient staff = system.client().as("staff");
        TrackerClient monitor = system.client().as("monitor");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        String organisation = created(staff.post("/api/organisations",
                "{\"name\":\"Crucea Rosie Cluj\",\"sector\":\"civil-society\"}"));
        String quiet = created(staff.post("/api/organisations",
                "{\"name\":\"Firma discreta\",\"sector\":\"business\"}"));
        String published = created(staff.post("/api/organisations/" + organisation + "/interviews",
                interview("publish", "Hot meals & <b>blankets</b>")));
        created(staff.post("/api/organisations/" + organisation + "/interviews",
                interview("not-for-publication", "A secret measure")));
        created(staff.post("/api/organisations/" + quiet + "/interviews",
                interview("publish-without-name", "Masks")));
        String commitment = created(staff.post("/api/commitments", """
                {"leadOrganisationId":"%s","title":"Shelter for the winter","field":"social-support-and-basic-needs",
                 "kind":"provide-support","startDate":"%s","targetDate":"%s"}"""
                .formatted(organisation, today.minusMonths(1), today.plusYears(1))));
        long last = 0;
        for (int i = 1; i <= 50; i++) {
            last = ok(monitor.post("/api/commitments/" + commitment + "/progress",
                    "{\"status\":\"on-track\",\"percentage\":%d}".formatted(Math.min(i, 100))));
        }

        String path = "/api/organisations/" + organisation + "/feed.atom";
        HttpResponse<String> first = get(path + "?minPosition=" + last, null, null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        Element feed = parse(first.body());
        assertThat(text(feed, "title")).isEqualTo("Organisation: Crucea Rosie Cluj");
        List<Element> page = entries(feed);
        assertThat(page).hasSize(50);
        assertThat(text(page.getFirst(), "summary")).contains("percentage: 50");
        String next = link(feed, "next");
        assertThat(next).endsWith(path + "?page=1");

        HttpResponse<String> second = HTTP.send(HttpRequest.newBuilder(URI.create(next)).build(),
                HttpResponse.BodyHandlers.ofString());
        Element older = parse(second.body());
        List<Element> rest = entries(older);
        assertThat(link(older, "next")).as("the last page").isNull();
        assertThat(rest).hasSize(2);
        List<String> titles = new ArrayList<>();
        rest.forEach(entry -> titles.add(text(entry, "title")));
        assertThat(titles).as("the commitment made, and the interview published before it")
                .containsExactly("Commitment made: Shelter for the winter", "Interview of 2020-05-04 published");
        Element interview = rest.get(1);
        assertThat(text(interview, "summary")).isEqualTo("Measures: Hot meals & <b>blankets</b>.");
        assertThat(text(interview, "id")).isEqualTo("urn:uuid:" + published);
        assertThat(second.body() + first.body()).doesNotContain("A secret measure").doesNotContain("<b>");

        assertThat(get("/api/organisations/" + quiet + "/feed.atom", null, null).statusCode())
                .as("no commitment, nothing published with its name: not public").isEqualTo(404);
    }

    private static String interview(String consent, String description) {
        return "{\"date\":\"2020-05-04\",\"channel\":\"phone\",\"consent\":\"" + consent + "\",\"measures\":["
                + "{\"field\":\"social-support-and-basic-needs\",\"description\":" + TrackerClient.json(description)
                + "}]}";
    }

    private static HttpResponse<String> get(String path, String ifNoneMatch, String ifModifiedSince)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + system.tracker.queryPort() + path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (ifModifiedSince != null) {
            request.header("If-Modified-Since", ifModifiedSince);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    private static List<Element> entries(Element feed) {
        List<Element> entries = new ArrayList<>();
        NodeList nodes = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < nodes.getLength(); i++) {
            entries.add((Element) nodes.item(i));
        }
        return entries;
    }

    /** The text of the first child element of that name (not of a nested entry's). */
    private static String text(Element parent, String name) {
        for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && ATOM.equals(element.getNamespaceURI())
                    && element.getLocalName().equals(name)) {
                return element.getTextContent();
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }

    private static String link(Element parent, String rel) {
        for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && "link".equals(element.getLocalName())
                    && rel.equals(element.getAttribute("rel"))) {
                return element.getAttribute("href");
            }
        }
        return null;
    }

    private static String created(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static long ok(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("position").asLong();
    }
}
