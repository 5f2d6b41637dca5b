package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad requests to the staff API are refused with the status API-CONVENTIONS.md fixes, as a problem document that
 * names every bad field and reveals nothing of the inside, and they leave the event store as it was.
 */
class BadInputIT {

    private static final String ORGANISATIONS = "/api/organisations";
    private static final String INTERVIEWS = "/api/interviews";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> INTERNALS = List.of("Exception", "ro.cluj", "org.", "java.", "jakarta.",
            "SELECT", "INSERT", "domain_event_entry", "\tat ");
    private static final String VALID_ORGANISATION = """
            {"name":"Asociatia Test","sector":"business"}""";
    private static final String VALID_INTERVIEW = """
            {"date":"2020-04-01","channel":"phone","consent":"publish",
             "measures":[{"field":"health","description":"x"}]}""";

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();
    private static TrackerClient staff;
    private static String organisationId;

    @BeforeAll
    static void start() {
        staff = system.client().as("staff");
        TrackerClient.Response registered = staff.post(ORGANISATIONS, VALID_ORGANISATION);
        assertThat(registered.status()).as("registering the organisation the interviews belong to").isEqualTo(201);
        organisationId = registered.json().get("id").asText();
    }

    // ---- the request itself is wrong: 400 naming every bad field

    @Test
    void namesEveryMissingRequiredField() {
        rejects(() -> staff.post(ORGANISATIONS, "{\"locality\":\"Cluj-Napoca\"}"), 400, "name", "sector");
    }

    @Test
    void namesEveryValueOfTheWrongTypeInAnOrganisation() {
        ObjectNode body = organisation();
        body.put("name", 42);
        body.put("sector", 7);
        body.put("fields", "health");
        body.put("locality", true);

        rejects(() -> staff.post(ORGANISATIONS, body.toString()), 400, "name", "sector", "fields", "locality");
    }

    @Test
    void namesEveryValueOfTheWrongTypeInAnInterview() {
        ObjectNode body = interview();
        body.put("channel", 5);
        body.putObject("measures").put("field", "health");
        body.putArray("lessons").add("learnt");
        body.putObject("supportOffer").put("willing", true).put("fields", "health");

        rejects(() -> recordForOrganisation(body), 400, "channel", "measures", "lessons", "supportOffer.fields");
    }

    @Test
    void refusesADateThatIsNotOnTheCalendar() {
        ObjectNode body = interview().put("date", "2024-02-30");

        rejects(() -> recordForOrganisation(body), 400, "date");
    }

    @Test
    void refusesADateWrittenAsANumber() {
        ObjectNode body = interview().put("date", 20200401);

        rejects(() -> recordForOrganisation(body), 400, "date");
    }

    @Test
    void namesTheMeasureWhoseStartDateHasNoSuchMonth() {
        ObjectNode body = interview();
        firstMeasure(body).put("startDate", "2020-13-01");

        rejects(() -> recordForOrganisation(body), 400, "measures[0].startDate");
    }

    @Test
    void refusesASectorOutsideTheVocabulary() {
        ObjectNode body = organisation().put("sector", "government");

        rejects(() -> staff.post(ORGANISATIONS, body.toString()), 400, "sector");
    }

    @Test
    void refusesAMeasureFieldOutsideTheVocabulary() {
        ObjectNode body = interview();
        firstMeasure(body).put("field", "healthcare");

        rejects(() -> recordForOrganisation(body), 400, "measures[0].field");
    }

    @Test
    void refusesANulCharacterInsideAText() {
        ObjectNode body = organisation().put("name", "Asociatia\u0000Test");
        assertThat(body.toString()).contains("\\u0000");

        rejects(() -> staff.post(ORGANISATIONS, body.toString()), 400, "name");
    }

    @Test
    void refusesOtherControlCharactersButNotLineBreaksOrTabs() {
        ObjectNode body = organisation().put("name", "Asociatia\tTest\r\nCluj").put("locality", "Cluj\u001b[31m");

        JsonNode problem = rejects(() -> staff.post(ORGANISATIONS, body.toString()), 400, "locality");

        assertThat(problem.findValuesAsText("field")).as("fields named in %s", problem).doesNotContain("name");
    }

    @Test
    void namesEveryTextOverTheLongTextLimit() {
        ObjectNode body = interview().put("lessons", "l".repeat(40_000));
        firstMeasure(body).put("description", "d".repeat(40_000));

        rejects(() -> recordForOrganisation(body), 400, "lessons", "measures[0].description");
    }

    @Test
    void refusesANameOverFiveHundredCharacters() {
        ObjectNode body = organisation().put("name", "n".repeat(501));

        rejects(() -> staff.post(ORGANISATIONS, body.toString()), 400, "name");
    }

    @Test
    void acceptsANameOfExactlyFiveHundredCharacters() {
        ObjectNode body = organisation().put("name", "n".repeat(500));

        accepts(() -> staff.post(ORGANISATIONS, body.toString()), 201);
    }

    @Test
    void refusesMalformedJson() {
        rejects(() -> staff.post(ORGANISATIONS, "{\"name\":\"Asociatia Test\",\"sector\":"), 400);
    }

    @Test
    void refusesContentAfterTheJsonObject() {
        rejects(() -> staff.post(ORGANISATIONS, VALID_ORGANISATION + " xyz"), 400);
        rejects(() -> staff.post(ORGANISATIONS, VALID_ORGANISATION + "{\"name\":\"b\"}"), 400);
    }

    @Test
    void refusesDatesOutsideAnyPlausibleSpan() {
        String interviews = ORGANISATIONS + "/" + organisationId + "/interviews";
        rejects(() -> staff.post(interviews, VALID_INTERVIEW.replace("2020-04-01", "-999999999-01-01")), 400, "date");
        rejects(() -> staff.post(interviews, VALID_INTERVIEW.replace("2020-04-01", "0001-01-01")), 400, "date");
    }

    @Test
    void refusesABrokenUnicodeCharacter() {
        rejects(() -> staff.post(ORGANISATIONS, "{\"name\":\"a\\ud800b\",\"sector\":\"business\"}"), 400,
                "name");
    }

    @Test
    void refusesTwoMeasuresWithOneId() {
        String body = """
                {"date":"2020-04-01","channel":"phone","consent":"publish",
                 "measures":[{"id":"m1","field":"health","description":"x"},
                             {"id":"m1","field":"culture","description":"y"}]}""";
        rejects(() -> staff.post(ORGANISATIONS + "/" + organisationId + "/interviews", body), 400,
                "measures[1].id");
    }

    @Test
    void refusesNestingFarDeeperThanTheLimit() {
        String body = "{\"name\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}";

        rejects(() -> staff.post(ORGANISATIONS, body), 400);
    }

    @Test
    void namesAnUnknownField() {
        ObjectNode body = organisation().put("nickname", "Testy");

        rejects(() -> staff.post(ORGANISATIONS, body.toString()), 400, "nickname");
    }

    @Test
    void namesAnUnknownFieldInsideAMeasure() {
        ObjectNode body = interview();
        firstMeasure(body).put("colour", "green");

        rejects(() -> recordForOrganisation(body), 400, "measures[0].colour");
    }

    @Test
    void refusesAnInterviewDatedTomorrowInCluj() {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Bucharest")).plusDays(1);
        ObjectNode body = interview().put("date", tomorrow.toString());

        rejects(() -> recordForOrganisation(body), 400, "date");
    }

    @Test
    void acceptsAMeasureThatEndsInTheFuture() {
        ObjectNode body = interview();
        firstMeasure(body).put("startDate", "2020-03-16").put("endDate", "2027-06-30");

        accepts(() -> recordForOrganisation(body), 201);
    }

    @Test
    void refusesAMeasureThatEndsBeforeItStarts() {
        ObjectNode body = interview();
        firstMeasure(body).put("startDate", "2020-05-01").put("endDate", "2020-04-01");

        rejects(() -> recordForOrganisation(body), 400, "measures[0].endDate");
    }

    @Test
    void requiresAReasonForAnAmendment() {
        String interviewId = recordInterview();

        rejects(() -> staff.post(INTERVIEWS + "/" + interviewId + "/amendments", VALID_INTERVIEW), 400, "reason");
    }

    // ---- the body is too large: 413 stating the limit

    @Test
    void refusesABodyOverTheLimitThatDeclaresItsLength() {
        byte[] body = oversizedBody();

        JsonNode problem = rejects(() -> staff.postBytes(ORGANISATIONS, body), 413);

        assertStatesALimitBelow(problem, body.length);
    }

    @Test
    void refusesABodyOverTheLimitThatIsSentWithoutALength() {
        byte[] body = oversizedBody();

        JsonNode problem = rejects(() -> postWithoutLength(ORGANISATIONS, body), 413);

        assertStatesALimitBelow(problem, body.length);
    }

    // ---- well-formed, but against a rule or the current state

    @Test
    void answersNotFoundForAnInterviewOfAnUnknownOrganisationNamedInThePath() {
        rejects(() -> staff.post(ORGANISATIONS + "/does-not-exist/interviews", VALID_INTERVIEW), 404);
    }

    @Test
    void answersRuleViolationForAnInterviewOfAnUnknownOrganisationNamedInTheBody() {
        ObjectNode body = interview().put("organisationId", "does-not-exist");

        rejects(() -> staff.post(INTERVIEWS, body.toString()), 422, "organisationId");
    }

    @Test
    void answersRuleViolationForAnAuthorityLevelOfABusiness() {
        ObjectNode body = organisation().put("authorityLevel", "local");

        rejects(() -> staff.post(ORGANISATIONS, body.toString()), 422, "authorityLevel");
    }

    @Test
    void answersRuleViolationForAPublishedSourceThatIsNotNamed() {
        ObjectNode body = interview().put("channel", "published-source");

        rejects(() -> recordForOrganisation(body), 422, "source");
    }

    @Test
    void answersConflictForAnAmendmentOfARetractedInterview() {
        String interviewId = recordInterview();
        TrackerClient.Response retracted = staff.post(INTERVIEWS + "/" + interviewId + "/retraction",
                "{\"reason\":\"recorded for the wrong organisation\"}");
        assertThat(retracted.status()).as("retraction: %s", retracted.body()).isEqualTo(200);

        JsonNode problem = rejects(() -> staff.post(INTERVIEWS + "/" + interviewId + "/amendments",
                amendment().toString()), 409);

        assertThat(problem.path("state").asText()).isEqualTo("retracted");
    }

    @Test
    void answersConflictForAnAmendmentBasedOnAStaleVersion() {
        String interviewId = recordInterview();
        TrackerClient.Response amended = staff.post(INTERVIEWS + "/" + interviewId + "/amendments",
                amendment().toString());
        assertThat(amended.status()).as("first amendment: %s", amended.body()).isEqualTo(200);
        assertThat(amended.json().get("version").asLong()).isEqualTo(1);

        JsonNode problem = rejects(() -> staff.post(INTERVIEWS + "/" + interviewId + "/amendments",
                amendment().put("lessons", "based on the first version").toString(), Map.of("If-Match", "\"0\"")),
                409);

        assertThat(problem.has("currentVersion")).as("names the current version: %s", problem).isTrue();
        assertThat(problem.get("currentVersion").asLong()).isEqualTo(1);
    }

    // ---- the same create twice

    @Test
    void answersARepeatedCreateWithTheSameExternalReferenceAsTheFirstTime() {
        ObjectNode body = organisation().set("externalReference", externalReference());

        assertRepeatAnswersAsTheFirstTime(() -> staff.post(ORGANISATIONS, body.toString()));
    }

    @Test
    void answersConflictForTheSameExternalReferenceWithADifferentName() {
        ObjectNode reference = externalReference();
        accepts(() -> staff.post(ORGANISATIONS, organisation().set("externalReference", reference).toString()), 201);
        ObjectNode changed = organisation().put("name", "Alta Asociatie");
        changed.set("externalReference", reference);

        JsonNode problem = rejects(() -> staff.post(ORGANISATIONS, changed.toString()), 409);

        assertNamesStateOrVersion(problem);
    }

    @Test
    void answersARepeatedIdempotencyKeyAsTheFirstTime() {
        Map<String, String> key = Map.of("Idempotency-Key", "key-" + UUID.randomUUID());

        assertRepeatAnswersAsTheFirstTime(() -> staff.post(ORGANISATIONS, VALID_ORGANISATION, key));
    }

    @Test
    void answersConflictForARepeatedIdempotencyKeyWithDifferentContent() {
        Map<String, String> key = Map.of("Idempotency-Key", "key-" + UUID.randomUUID());
        accepts(() -> staff.post(ORGANISATIONS, VALID_ORGANISATION, key), 201);
        String changed = organisation().put("sector", "academia").toString();

        JsonNode problem = rejects(() -> staff.post(ORGANISATIONS, changed, key), 409);

        assertNamesStateOrVersion(problem);
    }

    @Test
    void refusesAnIdempotencyKeyBesideAClientId() {
        Map<String, String> key = Map.of("Idempotency-Key", "key-" + UUID.randomUUID());
        String withId = organisation().put("id", "client-" + UUID.randomUUID()).toString();

        rejects(() -> staff.post(ORGANISATIONS, withId, key), 400, "Idempotency-Key");
    }

    @Test
    void answersARepeatedInterviewWithTheSameExternalReferenceAsTheFirstTime() {
        ObjectNode body = interview().put("organisationId", organisationId);
        body.set("externalReference", externalReference());

        assertRepeatAnswersAsTheFirstTime(() -> staff.post(INTERVIEWS, body.toString()));
    }

    @Test
    void answersConflictForAClientIdReusedWithDifferentContent() {
        String id = "org-" + UUID.randomUUID();
        accepts(() -> staff.post(ORGANISATIONS, organisation().put("id", id).toString()), 201);
        String changed = organisation().put("id", id).put("name", "Alta Asociatie").toString();

        JsonNode problem = rejects(() -> staff.post(ORGANISATIONS, changed), 409);

        assertNamesStateOrVersion(problem);
    }

    // ---- who may write

    @Test
    void answersUnauthorisedWithoutALogin() {
        rejects(() -> system.client().post(ORGANISATIONS, VALID_ORGANISATION), 401);
    }

    @Test
    void answersForbiddenToAMonitor() {
        TrackerClient monitor = system.client().as("monitor");

        rejects(() -> monitor.post(ORGANISATIONS, VALID_ORGANISATION), 403);
    }

    // ---- helpers

    /**
     * Sends the request and checks the refusal: the status, a problem document naming every one of {@code fields}
     * (in {@code errors[].field} for a 400, in {@code field} for a 422), nothing of the inside, and no new event.
     */
    private static JsonNode rejects(Supplier<TrackerClient.Response> request, int status, String... fields) {
        long eventsBefore = system.eventCount();

        TrackerClient.Response response = request.get();

        assertThat(response.status()).as("status of a refused request; body: %s", abbreviated(response.body()))
                .isEqualTo(status);
        JsonNode problem = assertProblem(response);
        if (status == 400) {
            assertThat(problem.path("errors").isArray()).as("errors listed: %s", problem).isTrue();
            List<String> named = new ArrayList<>();
            problem.path("errors").forEach(error -> {
                named.add(error.path("field").asText());
                assertThat(error.path("message").asText()).as("message of %s", error).isNotBlank();
            });
            assertThat(named).as("the bad fields named in %s", problem).isNotEmpty();
            if (fields.length > 0) {
                assertThat(named).as("the bad fields named in %s", problem).contains(fields);
            }
        } else if (status == 422) {
            assertThat(fields).as("a rule violation names one field").hasSize(1);
            assertThat(problem.path("field").asText()).as("the field named in %s", problem).isEqualTo(fields[0]);
            assertThat(problem.path("rule").asText()).as("the rule named in %s", problem).isNotBlank();
        }
        assertThat(system.eventCount()).as("events stored after a refused request").isEqualTo(eventsBefore);
        return problem;
    }

    /** Sends the request and checks that it was accepted with exactly one new event. */
    private static TrackerClient.Response accepts(Supplier<TrackerClient.Response> request, int status) {
        long eventsBefore = system.eventCount();

        TrackerClient.Response response = request.get();

        assertThat(response.status()).as("status; body: %s", abbreviated(response.body())).isEqualTo(status);
        assertThat(system.eventCount()).as("events stored after an accepted write").isEqualTo(eventsBefore + 1);
        return response;
    }

    private static JsonNode assertProblem(TrackerClient.Response response) {
        assertThat(response.header("Content-Type")).as("content type").startsWith(PROBLEM_JSON);
        assertThat(response.body()).as("the problem document").doesNotContain(INTERNALS);
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).as("status in %s", problem).isEqualTo(response.status());
        assertThat(problem.path("type").asText()).as("type in %s", problem).isNotBlank();
        return problem;
    }

    private static void assertRepeatAnswersAsTheFirstTime(Supplier<TrackerClient.Response> create) {
        long eventsBefore = system.eventCount();

        TrackerClient.Response first = create.get();
        TrackerClient.Response second = create.get();

        assertThat(first.status()).as("first create: %s", first.body()).isEqualTo(201);
        assertThat(second.status()).as("repeated create: %s", second.body()).isEqualTo(201);
        assertThat(second.json()).as("the repeated answer").isEqualTo(first.json());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(system.eventCount()).as("events stored for a create and its repeat").isEqualTo(eventsBefore + 1);
    }

    private static void assertNamesStateOrVersion(JsonNode problem) {
        assertThat(problem.hasNonNull("state") || problem.hasNonNull("currentVersion"))
                .as("the conflict names the current state or version: %s", problem).isTrue();
    }

    private static void assertStatesALimitBelow(JsonNode problem, int bodyLength) {
        assertThat(problem.path("limitBytes").isIntegralNumber()).as("limitBytes in %s", problem).isTrue();
        long limit = problem.get("limitBytes").asLong();
        assertThat(limit).isPositive().isLessThan(bodyLength);
        assertThat(problem.path("detail").asText()).contains(Long.toString(limit));
    }

    private static TrackerClient.Response recordForOrganisation(ObjectNode body) {
        return staff.post(ORGANISATIONS + "/" + organisationId + "/interviews", body.toString());
    }

    private static String recordInterview() {
        return accepts(() -> recordForOrganisation(interview()), 201).json().get("id").asText();
    }

    private static ObjectNode organisation() {
        return object(VALID_ORGANISATION);
    }

    private static ObjectNode interview() {
        return object(VALID_INTERVIEW);
    }

    private static ObjectNode amendment() {
        return interview().put("reason", "the measure was described too briefly");
    }

    private static ObjectNode firstMeasure(ObjectNode interview) {
        return (ObjectNode) ((ArrayNode) interview.get("measures")).get(0);
    }

    private static ObjectNode externalReference() {
        return TrackerClient.JSON.createObjectNode().put("source", "bad-input-test")
                .put("id", UUID.randomUUID().toString());
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) TrackerClient.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid organisation whose name makes the body 5 MB. */
    private static byte[] oversizedBody() {
        return organisation().put("name", "n".repeat(5 * 1024 * 1024)).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Posts as staff with a body of no declared length: HTTP/1.1 sends it chunked. */
    private static TrackerClient.Response postWithoutLength(String path, byte[] body) {
        String base = "http://127.0.0.1:" + system.tracker.commandPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + staffToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        assertThat(request.bodyPublisher().orElseThrow().contentLength()).as("declared length").isNegative();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new TrackerClient.Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String staffToken() {
        TrackerClient.Response login = system.client().post("/api/auth/token",
                "{\"username\":\"staff\",\"password\":\"staff-local-password\"}");
        assertThat(login.status()).as("staff login").isEqualTo(200);
        return login.json().get("accessToken").asText();
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 2_000 ? text : text.substring(0, 2_000) + "...";
    }
}
