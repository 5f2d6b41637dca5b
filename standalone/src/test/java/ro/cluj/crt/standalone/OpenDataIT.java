package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public list views as CSV and JSON, and the open-data archive, against a history with every consent, a
 * retraction, a contact person, a lesson, a session, a commitment and an edition: the CSV holds the JSON's rows under
 * stable column names, and neither the lists nor the archive show what the public may not see.
 */
class OpenDataIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    private static final String CONTACT_NAME = "Ana Pop-Ascunsa";
    private static final String CONTACT_EMAIL = "ana.ascunsa@example.ro";
    private static final String FORMULA_NAME = "=HYPERLINK(\"http://example.org\")";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Each export, its stable columns, and where each column's value sits in the JSON (else its camelCase). */
    record View(String path, List<String> columns, Map<String, String> paths) {

        @Override
        public String toString() {
            return path;
        }
    }

    static List<View> views() {
        return List.of(
                new View("/api/organisations", List.of("organisation_id", "name", "sector", "authority_level",
                        "locality", "interviews", "measures"), Map.of("organisation_id", "id")),
                new View("/api/interviews", List.of("interview_id", "organisation_id", "version", "status", "date",
                        "channel", "consent", "measure_ids", "support_needs", "willing_to_support", "support_fields",
                        "lessons", "source_name", "source_licence", "source_attribution", "external_source",
                        "external_id", "recorded_at", "amended_at"), Map.ofEntries(Map.entry("interview_id", "id"),
                        Map.entry("date", "content/date"), Map.entry("channel", "content/channel"),
                        Map.entry("consent", "content/consent"), Map.entry("measure_ids",
                                "content/measures/*/measureId"),
                        Map.entry("support_needs", "content/supportNeeds/*/kind"),
                        Map.entry("willing_to_support", "content/supportOffer/willing"),
                        Map.entry("support_fields", "content/supportOffer/fields"),
                        Map.entry("lessons", "content/lessons"), Map.entry("source_name", "content/source/name"),
                        Map.entry("source_licence", "content/source/licence"),
                        Map.entry("source_attribution", "content/source/attribution"),
                        Map.entry("external_source", "externalReference/source"),
                        Map.entry("external_id", "externalReference/id"))),
                new View("/api/measures", List.of("measure_id", "interview_id", "organisation_id", "title", "field",
                        "field_detail", "description", "target_groups", "start_date", "end_date", "partners",
                        "reach", "industries", "evidence"), Map.ofEntries(Map.entry("measure_id",
                        "measure/measureId"), Map.entry("title", "measure/title"), Map.entry("field", "measure/field"),
                        Map.entry("field_detail", "measure/fieldDetail"),
                        Map.entry("description", "measure/description"),
                        Map.entry("target_groups", "measure/targetGroups"),
                        Map.entry("start_date", "measure/startDate"), Map.entry("end_date", "measure/endDate"),
                        Map.entry("partners", "measure/partners"), Map.entry("reach", "measure/reach"),
                        Map.entry("industries", "measure/industries"), Map.entry("evidence", "measure/evidence"))),
                new View("/api/editions", List.of("number", "published_on", "week_of", "title", "corrects",
                        "corrected_by", "position", "sha256"), Map.of()),
                new View("/api/lessons", List.of("lesson_id", "version", "status", "title", "text", "field",
                        "lesson_class", "source_interview_ids", "source_measure_ids", "source_organisation_ids",
                        "drafted_at", "published_at", "changed_at"), Map.of(
                        "source_interview_ids", "sources/*/interviewId", "source_measure_ids",
                        "sources/*/measureId", "source_organisation_ids", "sources/*/organisationId")),
                new View("/api/sessions", List.of("session_id", "version", "status", "topic", "date", "place", "link",
                        "held_on", "participants", "outcomes"), Map.of()),
                new View("/api/dashboard/commitments", List.of("commitment_id", "title", "field", "kind",
                        "lead_organisation_id", "lead_organisation_name", "co_signer_ids", "session_id", "status",
                        "standing", "start_date", "target_date", "next_due_date", "missed_milestones",
                        "progress_status", "percentage", "progress_for", "assessment", "made_at", "changed_at",
                        "last_sequence"), Map.of()),
                new View("/api/dashboard/scorecards", List.of("organisation_id", "name", "made", "on_track",
                        "at_risk", "late", "fulfilled", "abandoned"), Map.of()));
    }

    private static long position;
    private static String hiddenInterview;

    @BeforeAll
    static void history() {
        TrackerClient staff = system.client().as("staff");
        long recorded = History.record(staff);
        String library = organisation(staff, "Biblioteca Judeteana", recorded);
        String ngo = organisation(staff, "Asociatia Vecinilor", recorded);
        for (JsonNode interview : staff.get("/api/organisations/" + ngo).json().get("interviews")) {
            if (interview.at("/content/consent").asText().equals("not-for-publication")) {
                hiddenInterview = interview.get("id").asText();
            }
        }
        assertThat(hiddenInterview).isNotNull();
        TrackerClient.Response contact = staff.post("/api/organisations/" + library + "/contacts", "{\"name\":\""
                + CONTACT_NAME + "\",\"email\":\"" + CONTACT_EMAIL + "\",\"phone\":\"+40 700 000 123\"}");
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        String formula = created(staff.post("/api/organisations", "{\"name\":" + TrackerClient.json(FORMULA_NAME)
                + ",\"sector\":\"business\"}"));
        created(staff.post("/api/organisations/" + formula + "/interviews", "{\"date\":\"2020-05-04\","
                + "\"channel\":\"phone\",\"consent\":\"publish\",\"measures\":[{\"field\":\"health\","
                + "\"description\":\"-1 cells, +2 tests, @home\"}]}"));
        JsonNode interview = staff.get("/api/organisations/" + library).json().get("interviews").get(0);
        String lesson = created(staff.post("/api/lessons", "{\"title\":\"Reading clubs move online\","
                + "\"text\":\"Phones, then video.\",\"field\":\"culture\",\"lessonClass\":\"scale\",\"sources\":[{"
                + "\"interviewId\":\"" + interview.get("id").asText() + "\",\"measureId\":\""
                + interview.at("/content/measures/0/measureId").asText() + "\"}]}"));
        ok(staff.post("/api/lessons/" + lesson + "/publication", ""));
        created(staff.post("/api/lessons", "{\"title\":\"A draft nobody may read\",\"text\":\"draft\","
                + "\"field\":\"culture\",\"lessonClass\":\"scale\",\"sources\":[]}"));
        String session = created(staff.post("/api/sessions", "{\"topic\":\"Culture after the emergency\","
                + "\"date\":\"2026-03-12\",\"place\":\"Sala de sticla\",\"lessonIds\":[\"" + lesson + "\"]}"));
        created(staff.post("/api/commitments", "{\"leadOrganisationId\":\"" + library + "\",\"coSignerIds\":[],"
                + "\"title\":\"Scale the reading clubs\",\"field\":\"culture\",\"kind\":\"scale-service\","
                + "\"startDate\":\"2026-01-01\",\"targetDate\":\"2028-12-31\",\"milestones\":[],"
                + "\"origin\":{\"sessionId\":\"" + session + "\",\"lessonIds\":[]}}"));
        TrackerClient.Response edition = staff.post("/api/editions", "{\"number\":1,\"title\":\"Week 19\","
                + "\"weekOf\":\"2020-05-04\"}");
        assertThat(edition.status()).as(edition.body()).isEqualTo(201);
        position = edition.json().get("position").asLong();
    }

    @ParameterizedTest
    @MethodSource("views")
    void everyListViewAnswersCsvWithStableColumnsHoldingItsJsonRows(View view) throws IOException {
        TrackerClient anyone = system.client();
        TrackerClient.Response csv = anyone.get(view.path() + ".csv?minPosition=" + position);
        TrackerClient.Response json = anyone.get(view.path() + ".json?minPosition=" + position);

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(csv.headers().get("content-type")).containsExactly("text/csv;charset=UTF-8");
        assertThat(csv.headers()).containsKey("projection-position");
        assertThat(csv.body()).contains("\r\n").doesNotContain(CONTACT_NAME, CONTACT_EMAIL, hiddenInterview,
                "A draft nobody may read", "Groceries for neighbours");
        List<CSVRecord> rows = parse(csv.body());
        assertThat(rows.getFirst().values()).as("the header").containsExactlyElementsOf(view.columns());
        JsonNode items = json.json();
        assertThat(items.size()).as("rows").isEqualTo(rows.size() - 1).isPositive();
        for (int i = 0; i < items.size(); i++) {
            for (int c = 0; c < view.columns().size(); c++) {
                String column = view.columns().get(c);
                String path = view.paths().getOrDefault(column, camelCase(column));
                assertThat(rows.get(i + 1).get(c)).as(view.path() + " row " + (i + 1) + " " + column)
                        .isEqualTo(safe(cell(items.get(i), List.of(path.split("/")))));
            }
        }
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaStartsWithAnApostrophe() throws IOException {
        String csv = system.client().get("/api/organisations.csv?minPosition=" + position).body();

        assertThat(parse(csv)).anySatisfy(row -> assertThat(row.get(1)).isEqualTo("'" + FORMULA_NAME));
        assertThat(system.client().get("/api/measures.csv").body()).contains("'-1 cells, +2 tests, @home");
    }

    @Test
    void theArchiveHoldsEveryPublicViewWithItsDescriptorAndChecksums() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + system.tracker.queryPort() + "/api/open-data.zip")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/zip");
        Map<String, byte[]> files = unzip(response.body());

        List<String> data = new ArrayList<>();
        for (String name : List.of("organisations", "interviews", "measures", "editions", "lessons", "sessions",
                "commitments", "scorecards")) {
            data.add(name + ".csv");
            data.add(name + ".json");
        }
        data.addAll(List.of("report.json", "insights.json"));
        List<String> all = new ArrayList<>(data);
        all.addAll(List.of("datapackage.json", "README.md", "SHA256SUMS"));
        assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(all);

        JsonNode descriptor = TrackerClient.JSON.readTree(files.get("datapackage.json"));
        assertThat(descriptor.at("/licenses/0/name").asText()).isEqualTo("CC-BY-4.0");
        List<String> resources = new ArrayList<>();
        for (JsonNode resource : descriptor.get("resources")) {
            String path = resource.get("path").asText();
            resources.add(path);
            assertThat(resource.get("hash").asText()).as(path).isEqualTo("sha256:" + sha256(files.get(path)));
            assertThat(resource.get("bytes").asLong()).as(path).isEqualTo(files.get(path).length);
            if (path.endsWith(".csv")) {
                List<String> fields = new ArrayList<>();
                resource.at("/schema/fields").forEach(field -> fields.add(field.get("name").asText()));
                assertThat(parse(new String(files.get(path), StandardCharsets.UTF_8)).getFirst().values())
                        .as(path).containsExactlyElementsOf(fields);
            }
        }
        assertThat(resources).containsExactlyInAnyOrderElementsOf(data);

        Map<String, String> sums = new LinkedHashMap<>();
        new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8).lines()
                .forEach(line -> sums.put(line.substring(66), line.substring(0, 64)));
        assertThat(sums.keySet()).containsExactlyInAnyOrderElementsOf(all.subList(0, all.size() - 1));
        sums.forEach((name, sum) -> assertThat(sha256(files.get(name))).as(name).isEqualTo(sum));

        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertThat(new String(file.getValue(), StandardCharsets.UTF_8)).as(file.getKey())
                    .doesNotContain(CONTACT_NAME, CONTACT_EMAIL, "+40 700 000 123", hiddenInterview,
                            "Groceries for neighbours", "Recorded by mistake", "A draft nobody may read");
        }
        assertThat(files.get("organisations.csv"))
                .isEqualTo(system.client().get("/api/organisations.csv").body().getBytes(StandardCharsets.UTF_8));
        assertThat(new String(files.get("interviews.json"), StandardCharsets.UTF_8)).contains("\"publish\"")
                .doesNotContain("not-for-publication", "publish-without-name");
    }

    /** What the CSV must hold for a JSON value: the value, or it with an apostrophe when it reads as a formula. */
    private static String safe(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value
                : value == null ? "" : value;
    }

    private static String cell(JsonNode node, List<String> steps) {
        List<String> values = new ArrayList<>();
        collect(node, steps, 0, values);
        return values.isEmpty() ? null : String.join(";", values);
    }

    private static void collect(JsonNode node, List<String> steps, int step, List<String> values) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (step == steps.size()) {
            if (node.isArray()) {
                node.forEach(element -> values.add(element.asText()));
            } else {
                values.add(node.asText());
            }
        } else if (steps.get(step).equals("*")) {
            node.forEach(element -> collect(element, steps, step + 1, values));
        } else {
            collect(node.get(steps.get(step)), steps, step + 1, values);
        }
    }

    private static String camelCase(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String organisation(TrackerClient staff, String name, long recorded) {
        for (JsonNode organisation : staff.get("/api/organisations?size=200&minPosition=" + recorded).json()
                .get("items")) {
            if (organisation.get("name").asText().equals(name)) {
                return organisation.get("id").asText();
            }
        }
        throw new IllegalStateException("no organisation " + name);
    }

    private static String created(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static void ok(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201, 204);
    }
}
