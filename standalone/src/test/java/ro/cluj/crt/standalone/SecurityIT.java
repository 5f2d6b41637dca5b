package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, for every endpoint both services have (read from Spring's request mappings, so that a new
 * endpoint cannot be left out of {@link #WHO_MAY_CALL_WHAT}), and what an attacker gets for hostile input: never a
 * 500, never a stack trace, SQL or class name, always the security headers. {@code docs/security.md} lists the
 * inputs and the answers.
 */
class SecurityIT {

    /**
     * Failed logins are throttled and recommendations rate limited before their body is read; this class sends many
     * on purpose, so its client address gets room for them (LoginThrottlingIT and RecommendationIT test the limits).
     */
    @RegisterExtension
    static final RunningTracker system = new RunningTracker(
            "--spring.datasource.hikari.maximum-pool-size=8", "--crt.security.login-throttle.client-failures=100000",
            "--crt.security.login-throttle.account-failures=100000", "--crt.recommendations.rate-limit.burst=100000");

    enum Who {
        PUBLIC, LOGGED_IN, STAFF, MONITOR, AUDITOR, ADMIN, ADMIN_OR_AUDITOR;

        boolean allows(String role) {
            return switch (this) {
                case PUBLIC -> true;
                case LOGGED_IN -> role != null;
                case ADMIN_OR_AUDITOR -> "admin".equals(role) || "auditor".equals(role);
                default -> name().toLowerCase().equals(role);
            };
        }
    }

    private static final String COMMAND = "command";
    private static final String QUERY = "query";
    private static final List<String> ROLES = List.of("staff", "monitor", "auditor", "admin");

    /** Who may call what: one row per endpoint of both services. */
    static final Map<String, Who> WHO_MAY_CALL_WHAT = table(
            COMMAND + " POST /api/auth/token", Who.PUBLIC,
            COMMAND + " POST /api/recommendations", Who.PUBLIC,
            COMMAND + " GET /error", Who.PUBLIC,
            COMMAND + " GET /v3/api-docs", Who.PUBLIC,
            COMMAND + " GET /v3/api-docs.yaml", Who.PUBLIC,
            COMMAND + " GET /v3/api-docs/swagger-config", Who.PUBLIC,
            COMMAND + " GET /swagger-ui.html", Who.PUBLIC,
            COMMAND + " GET /api/admin/logins", Who.ADMIN_OR_AUDITOR,
            COMMAND + " POST /api/admin/persons/{personId}/erasure", Who.ADMIN,
            COMMAND + " POST /api/commitments/{commitmentId}/progress", Who.MONITOR,
            COMMAND + " POST /api/commitments/{commitmentId}/reviews", Who.MONITOR,
            COMMAND + " POST /api/organisations", Who.STAFF,
            COMMAND + " POST /api/organisations/{organisationId}/corrections", Who.STAFF,
            COMMAND + " POST /api/organisations/{organisationId}/contacts", Who.STAFF,
            COMMAND + " PUT /api/organisations/{organisationId}/contacts/{personId}", Who.STAFF,
            COMMAND + " POST /api/organisations/{organisationId}/contacts/{personId}/removal", Who.STAFF,
            COMMAND + " POST /api/organisations/{organisationId}/interviews", Who.STAFF,
            COMMAND + " POST /api/interviews", Who.STAFF,
            COMMAND + " POST /api/interviews/{interviewId}/amendments", Who.STAFF,
            COMMAND + " POST /api/interviews/{interviewId}/retraction", Who.STAFF,
            COMMAND + " POST /api/commitments", Who.STAFF,
            COMMAND + " POST /api/commitments/{commitmentId}/milestones", Who.STAFF,
            COMMAND + " POST /api/commitments/{commitmentId}/milestones/{milestoneId}/rescheduling", Who.STAFF,
            COMMAND + " POST /api/commitments/{commitmentId}/milestones/{milestoneId}/achievement", Who.STAFF,
            COMMAND + " POST /api/commitments/{commitmentId}/revisions", Who.STAFF,
            COMMAND + " POST /api/commitments/{commitmentId}/co-signers", Who.STAFF,
            COMMAND + " POST /api/commitments/{commitmentId}/co-signers/{organisationId}/withdrawal", Who.STAFF,
            COMMAND + " POST /api/commitments/{commitmentId}/fulfilment", Who.STAFF,
            COMMAND + " POST /api/commitments/{commitmentId}/abandonment", Who.STAFF,
            COMMAND + " POST /api/commitments/{commitmentId}/reopening", Who.STAFF,
            COMMAND + " POST /api/editions", Who.STAFF,
            COMMAND + " POST /api/lessons", Who.STAFF,
            COMMAND + " POST /api/lessons/{lessonId}/revisions", Who.STAFF,
            COMMAND + " POST /api/lessons/{lessonId}/publication", Who.STAFF,
            COMMAND + " POST /api/lessons/{lessonId}/withdrawal", Who.STAFF,
            COMMAND + " POST /api/sessions", Who.STAFF,
            COMMAND + " POST /api/sessions/{sessionId}/rescheduling", Who.STAFF,
            COMMAND + " POST /api/sessions/{sessionId}/cancellation", Who.STAFF,
            COMMAND + " POST /api/sessions/{sessionId}/participants", Who.STAFF,
            COMMAND + " POST /api/sessions/{sessionId}/participants/{participantId}/withdrawal", Who.STAFF,
            COMMAND + " POST /api/sessions/{sessionId}/holding", Who.STAFF,
            COMMAND + " POST /api/sessions/{sessionId}/outcomes", Who.STAFF,
            COMMAND + " POST /api/recommendations/{recommendationId}/triage", Who.STAFF,
            QUERY + " GET /error", Who.PUBLIC,
            QUERY + " GET /v3/api-docs", Who.PUBLIC,
            QUERY + " GET /v3/api-docs.yaml", Who.PUBLIC,
            QUERY + " GET /v3/api-docs/swagger-config", Who.PUBLIC,
            QUERY + " GET /swagger-ui.html", Who.PUBLIC,
            QUERY + " GET /api/vocabularies", Who.PUBLIC,
            QUERY + " GET /api/report", Who.PUBLIC,
            QUERY + " GET /api/insights", Who.PUBLIC,
            QUERY + " GET /api/organisations", Who.PUBLIC,
            QUERY + " GET /api/organisations/{organisationId}", Who.PUBLIC,
            QUERY + " GET /api/organisations/{organisationId}/commitments", Who.PUBLIC,
            QUERY + " GET /api/commitments/{commitmentId}", Who.PUBLIC,
            QUERY + " GET /api/commitments/{commitmentId}/timeline", Who.PUBLIC,
            QUERY + " GET /api/dashboard", Who.PUBLIC,
            QUERY + " GET /api/dashboard/commitments", Who.PUBLIC,
            QUERY + " GET /api/dashboard/commitments.json", Who.PUBLIC,
            QUERY + " GET /api/dashboard/commitments.csv", Who.PUBLIC,
            QUERY + " GET /api/dashboard/commitments.decidim.csv", Who.PUBLIC,
            QUERY + " GET /api/dashboard/scorecards", Who.PUBLIC,
            QUERY + " GET /api/dashboard/scorecards.csv", Who.PUBLIC,
            QUERY + " GET /api/editions", Who.PUBLIC,
            QUERY + " GET /api/editions/{number}", Who.PUBLIC,
            QUERY + " GET /api/editions/{number}.csv", Who.PUBLIC,
            QUERY + " GET /api/editions/{number}.html", Who.PUBLIC,
            QUERY + " GET /api/editions/feed.atom", Who.PUBLIC,
            QUERY + " GET /api/editions/feed.json", Who.PUBLIC,
            QUERY + " GET /api/lessons", Who.PUBLIC,
            QUERY + " GET /api/lessons/{lessonId}", Who.PUBLIC,
            QUERY + " GET /api/sessions", Who.PUBLIC,
            QUERY + " GET /api/sessions/{sessionId}", Who.PUBLIC,
            QUERY + " GET /api/dashboard/scorecards.json", Who.PUBLIC,
            QUERY + " GET /api/commitments/{commitmentId}/feed.atom", Who.PUBLIC,
            QUERY + " GET /api/organisations/{organisationId}/feed.atom", Who.PUBLIC,
            QUERY + " GET /api/{list:organisations|interviews|measures|editions|lessons|sessions}.csv", Who.PUBLIC,
            QUERY + " GET /api/{list:organisations|interviews|measures|editions|lessons|sessions}.json", Who.PUBLIC,
            QUERY + " GET /api/open-data.zip", Who.PUBLIC,
            QUERY + " GET /", Who.PUBLIC,
            QUERY + " GET /report", Who.PUBLIC,
            QUERY + " GET /commitments", Who.PUBLIC,
            QUERY + " GET /commitments/{commitmentId}", Who.PUBLIC,
            QUERY + " GET /organisations/{organisationId}", Who.PUBLIC,
            QUERY + " GET /api/admin/dead-letters", Who.ADMIN,
            QUERY + " GET /api/admin/dead-letters/{group}", Who.ADMIN,
            QUERY + " POST /api/admin/dead-letters/{group}/retry", Who.ADMIN,
            QUERY + " POST /api/admin/dead-letters/{group}/{eventId}/retry", Who.ADMIN,
            QUERY + " DELETE /api/admin/dead-letters/{group}/{eventId}", Who.ADMIN,
            QUERY + " POST /api/admin/webhooks", Who.ADMIN,
            QUERY + " GET /api/admin/webhooks", Who.ADMIN,
            QUERY + " GET /api/admin/webhooks/{webhookId}", Who.ADMIN,
            QUERY + " DELETE /api/admin/webhooks/{webhookId}", Who.ADMIN,
            QUERY + " GET /api/admin/webhooks/{webhookId}/deliveries", Who.ADMIN,
            QUERY + " GET /api/audit/checkpoints", Who.PUBLIC,
            QUERY + " GET /api/audit/public-key", Who.PUBLIC,
            QUERY + " GET /api/audit/events", Who.AUDITOR,
            QUERY + " GET /api/audit/aggregates/{id}/events", Who.AUDITOR,
            QUERY + " GET /api/audit/chain/verification", Who.AUDITOR,
            QUERY + " GET /api/audit/export/events.ndjson", Who.AUDITOR,
            QUERY + " GET /api/audit/export/manifest.json", Who.AUDITOR,
            QUERY + " GET /api/recommendations", Who.STAFF,
            QUERY + " GET /api/recommendations/{recommendationId}", Who.LOGGED_IN,
            QUERY + " GET /api/admin/projections", Who.ADMIN,
            QUERY + " POST /api/admin/projections/{name}/rebuild", Who.ADMIN,
            QUERY + " POST /api/admin/persons/search", Who.ADMIN,
            QUERY + " GET /api/admin/replays", Who.ADMIN_OR_AUDITOR,
            QUERY + " POST /api/admin/replays/{group}", Who.ADMIN_OR_AUDITOR,
            QUERY + " GET /api/admin/replays/{group}", Who.ADMIN_OR_AUDITOR,
            QUERY + " POST /api/admin/replays/{group}/stop", Who.ADMIN_OR_AUDITOR,
            QUERY + " POST /api/admin/replays/{group}/resume", Who.ADMIN_OR_AUDITOR,
            QUERY + " GET /api/admin/replays/{group}/comparison", Who.ADMIN_OR_AUDITOR,
            QUERY + " DELETE /api/admin/replays/{group}", Who.ADMIN_OR_AUDITOR,
            QUERY + " POST /api/admin/replays/{group}/switch", Who.ADMIN);

    static final List<String> INTERNALS = List.of("Exception", "ro.cluj", "org.", "java.", "jakarta.", "SELECT",
            "INSERT", "domain_event_entry", "\tat ", "PSQL", "postgres", "Tomcat", "syntax error", "Hibernate",
            "jdbc");
    static final String INJECTION = "x' OR '1'='1'; DROP TABLE event_store.event_chain; --";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

    @BeforeAll
    static void logIn() {
        for (String role : ROLES) {
            TrackerClient.Response login = system.client().post("/api/auth/token",
                    TrackerClient.json(Map.of("username", role, "password", role + "-local-password")));
            assertThat(login.status()).isEqualTo(200);
            TOKENS.put(role, login.json().get("accessToken").asText());
        }
    }

    private static Map<String, Who> table(Object... rows) {
        Map<String, Who> table = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i += 2) {
            table.put((String) rows[i], (Who) rows[i + 1]);
        }
        return table;
    }

    /** An endpoint as Spring maps it: service, method, path pattern, and the handler's query parameters. */
    record Endpoint(String service, String method, String pattern, List<String> queryParameters,
                    List<String> headers) {

        String key() {
            return service + " " + method + " " + pattern;
        }

        /**
         * The pattern with every path variable replaced by {@code value}, URL-encoded; a variable restricted to listed
         * values ({@code {list:organisations|interviews}}) takes the first of them, as any other value is no endpoint.
         */
        String path(String value) {
            return pattern.replaceAll("\\{[^}:]+:([^|}]+)[^}]*}", "$1").replaceAll("\\{[^}]+}",
                    Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.addAll(endpointsOf(COMMAND, system.tracker.commandContext()));
        endpoints.addAll(endpointsOf(QUERY, system.tracker.queryContext()));
        return endpoints;
    }

    private static List<Endpoint> endpointsOf(String service, ApplicationContext context) {
        List<Endpoint> endpoints = new ArrayList<>();
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = handler.getKey();
            List<String> parameters = new ArrayList<>();
            List<String> headers = new ArrayList<>();
            for (MethodParameter parameter : handler.getValue().getMethodParameters()) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
                if (header != null) {
                    headers.add(header.name().isEmpty() ? header.value() : header.name());
                }
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null) {
                    parameters.add(!param.name().isEmpty() ? param.name()
                            : !param.value().isEmpty() ? param.value() : parameter.getParameterName());
                }
            }
            Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (methods.isEmpty()) {
                methods = Set.of("GET");
            }
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    endpoints.add(new Endpoint(service, method, pattern, List.copyOf(parameters),
                            List.copyOf(headers)));
                }
            }
        }
        return endpoints;
    }

    @Test
    void everyEndpointOfBothServicesIsInTheTableOfWhoMayCallWhat() {
        Set<String> mapped = endpoints().stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new));

        assertThat(mapped).as("endpoints missing from WHO_MAY_CALL_WHAT")
                .isSubsetOf(WHO_MAY_CALL_WHAT.keySet());
        assertThat(WHO_MAY_CALL_WHAT.keySet()).as("rows naming no endpoint").isSubsetOf(mapped);
        assertThat(mapped).hasSizeGreaterThan(80);
    }

    /**
     * Every endpoint, without a login and with each role: 401 without a login where one is needed, 403 for a role that
     * may not, something else (400, 404, 200, ...) for a role that may, and never a 5xx.
     */
    @Test
    void everyEndpointAnswersEachRoleAsTheTableSays() {
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        forEachInParallel(endpoints(), endpoint -> {
            Who who = WHO_MAY_CALL_WHAT.get(endpoint.key());
            assertThat(who).as("row for %s", endpoint.key()).isNotNull();
            List<String> callers = new ArrayList<>();
            callers.add(null);
            callers.addAll(ROLES);
            for (String role : callers) {
                Answer answer = send(endpoint.service(), endpoint.method(), endpoint.path("no-such-id-1"), role,
                        "application/json", "{}".getBytes(StandardCharsets.UTF_8));
                int status = answer.status();
                String caller = role == null ? "public" : role;
                boolean ok = who.allows(role) ? status != 401 && status != 403 && status < 500
                        : status == (role == null ? 401 : 403);
                if (!ok) {
                    wrong.add(endpoint.key() + " as " + caller + ": " + status + " " + abbreviated(answer.body()));
                }
                observe(who.allows(role) ? "role check: a caller the table allows, body {} and unknown ids"
                        : role == null ? "role check: no login where one is needed" : "role check: a role not allowed",
                        answer);
                assertNoInternals(endpoint.key() + " as " + caller, answer);
            }
        });
        assertThat(wrong).as("answers that disagree with the table").isEmpty();
    }

    /**
     * The writes of the command service that take neither an {@code Idempotency-Key} nor {@code If-Match}, and why.
     * Every other write takes one of them (a create the key, a change to an existing aggregate If-Match).
     */
    static final Map<String, String> WRITES_WITHOUT_KEY_OR_VERSION = Map.of(
            "POST /api/auth/token", "a login, not a write",
            "POST /api/recommendations", "public: a key from anonymous clients would let one client address "
                    + "another's recommendation; sealed values cannot be compared (architecture.md)",
            "POST /api/editions", "the edition number is the key: a repeat answers the first answer",
            "POST /api/admin/persons/{personId}/erasure", "erasing twice changes nothing more; no version to be "
                    + "stale against");

    @Test
    void everyWriteTakesAnIdempotencyKeyOrIfMatchButTheNamedOnes() {
        List<String> missing = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String write = endpoint.method() + " " + endpoint.pattern();
            if (!endpoint.service().equals(COMMAND) || endpoint.method().equals("GET")
                    || WRITES_WITHOUT_KEY_OR_VERSION.containsKey(write)) {
                continue;
            }
            boolean create = !endpoint.pattern().contains("{") || endpoint.pattern().endsWith("/interviews")
                    || endpoint.pattern().endsWith("/contacts");
            String expected = create ? "Idempotency-Key" : "If-Match";
            if (!endpoint.headers().contains(expected)) {
                missing.add(write + " takes no " + expected);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(endpoints().stream().map(e -> e.method() + " " + e.pattern()).toList())
                .containsAll(WRITES_WITHOUT_KEY_OR_VERSION.keySet());
    }

    /** Methods no handler takes, on every path, and a request from a foreign web page. */
    @Test
    void otherMethodsAndForeignOriginsGetNothing() {
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        forEachInParallel(endpoints(), endpoint -> {
            for (String method : List.of("PATCH", "DELETE", "TRACE", "OPTIONS", "PUT")) {
                if (method.equals(endpoint.method())) {
                    continue;
                }
                Answer answer = send(endpoint.service(), method, endpoint.path("no-such-id-1"),
                        firstAllowed(endpoint), "application/json", "{}".getBytes(StandardCharsets.UTF_8));
                check(wrong, "method " + method + " where none is mapped", endpoint.key(), answer);
            }
        });
        assertThat(wrong).isEmpty();

        HttpRequest preflight = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.tracker.commandPort()
                        + "/api/organisations")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://attacker.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization").build();
        HttpRequest read = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.tracker.queryPort()
                + "/api/report")).header("Origin", "https://attacker.example")
                .header("Authorization", "Bearer " + TOKENS.get("staff")).GET().build();
        for (HttpRequest request : List.of(preflight, read)) {
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                observe("cross-origin " + request.method() + " from https://attacker.example",
                        new Answer(request.method(), response.statusCode(), response.body(),
                                response.headers().map()));
                assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                        .as("%s %s", request.method(), request.uri()).isEmpty();
                assertThat(response.statusCode()).isLessThan(500);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Version and key headers an attacker or a broken client could send. */
    @Test
    void malformedIfMatchAndIdempotencyKeysAreRefusedAndStaleVersionsAreConflicts() throws Exception {
        String organisation = "{\"name\":\"Asociatia Antet\",\"sector\":\"civil-society\"}";
        Answer made = sendWithHeader("/api/organisations", "Idempotency-Key", "antet-1", organisation);
        assertThat(made.status()).isEqualTo(201);
        String corrections = "/api/organisations/" + made.json().get("id").asText() + "/corrections";
        String correction = "{\"name\":\"Asociatia Antet\",\"sector\":\"business\",\"reason\":\"r\"}";
        List<String> wrong = new ArrayList<>();
        for (String value : List.of("abc", "-1", "*", "\"1\", \"2\"", "99999999999999999999", "W/\"x\"")) {
            Answer answer = sendWithHeader(corrections, "If-Match", value, correction);
            check(wrong, "If-Match: " + value, COMMAND + " POST " + corrections, answer);
            if (answer.status() != 400) {
                wrong.add("If-Match " + value + ": " + answer.status());
            }
        }
        Answer stale = sendWithHeader(corrections, "If-Match", "\"7\"", correction);
        check(wrong, "If-Match: a version the resource is not at (\"7\")", COMMAND + " POST " + corrections, stale);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemType()).isEqualTo("/problems/stale-version");
        for (String key : List.of(" ", "k".repeat(201))) {
            Answer answer = sendWithHeader("/api/organisations", "Idempotency-Key", key, organisation);
            check(wrong, "Idempotency-Key: " + (key.isBlank() ? "blank" : "201 characters"),
                    COMMAND + " POST /api/organisations", answer);
            if (answer.status() != 400) {
                wrong.add("Idempotency-Key " + abbreviated(key) + ": " + answer.status());
            }
        }
        Answer other = sendWithHeader("/api/organisations", "Idempotency-Key", "antet-1",
                "{\"name\":\"Other\",\"sector\":\"civil-society\"}");
        check(wrong, "Idempotency-Key: reused with other content", COMMAND + " POST /api/organisations", other);
        assertThat(other.status()).isEqualTo(409);
        assertThat(wrong).isEmpty();
    }

    /** A contact person is personal data, sealed with a fresh nonce each time: a repeat is found by its key. */
    @Test
    void aContactRecordedTwiceWithOneKeyAnswersTheFirstAnswer() throws Exception {
        Answer organisation = sendWithHeader("/api/organisations", "Idempotency-Key", "contact-org",
                "{\"name\":\"Asociatia Contact\",\"sector\":\"civil-society\"}");
        String contacts = "/api/organisations/" + organisation.json().get("id").asText() + "/contacts";
        String ana = "{\"name\":\"Ana Cheie\",\"email\":\"ana.cheie@example.ro\",\"preferredLanguage\":\"ro\"}";
        long events = system.eventCount();

        Answer first = sendWithHeader(contacts, "Idempotency-Key", "contact-1", ana);
        Answer repeat = sendWithHeader(contacts, "Idempotency-Key", "contact-1", ana);
        Answer other = sendWithHeader(contacts, "Idempotency-Key", "contact-1",
                "{\"name\":\"Ana Cheie\",\"email\":\"other@example.ro\"}");
        Answer both = sendWithHeader(contacts, "Idempotency-Key", "contact-2",
                "{\"personId\":\"p-1\",\"name\":\"Ana Cheie\"}");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(both.status()).isEqualTo(400);
        assertThat(system.eventCount()).as("one contact recorded").isEqualTo(events + 1);
        List<String> wrong = new ArrayList<>();
        check(wrong, "Idempotency-Key: a contact person repeated with the same details", "POST " + contacts, repeat);
        check(wrong, "Idempotency-Key: a contact person repeated with other details", "POST " + contacts, other);
        check(wrong, "Idempotency-Key beside a personId", "POST " + contacts, both);
        assertThat(wrong).isEmpty();
    }

    private static Answer sendWithHeader(String path, String name, String value, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.tracker.commandPort()
                        + path)).header("Authorization", "Bearer " + TOKENS.get("staff"))
                .header("Content-Type", "application/json").header(name, value)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer("POST " + path, response.statusCode(), response.body(), response.headers().map());
    }

    @Test
    void healthIsPublicOnBothServices() {
        assertThat(send(COMMAND, "GET", "/actuator/health", null, null, null).status()).isEqualTo(200);
        assertThat(send(QUERY, "GET", "/actuator/health", null, null, null).status()).isEqualTo(200);
        assertThat(send(QUERY, "GET", "/actuator/env", TOKENS.get("admin"), null, null).status()).isIn(401, 403, 404);
    }

    /**
     * Hostile path variables on every endpoint, sent by a caller allowed to call it: SQL injection text, traversal, a
     * NUL byte, a broken UTF-8 sequence, an id of 10,000 characters. Never a 5xx, never internals.
     */
    @Test
    void hostilePathVariablesNeverReachTheInside() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("SQL injection text", encoded(INJECTION));
        values.put("../../../../etc/passwd, encoded", encoded("../../../../etc/passwd"));
        values.put("a NUL inside (a%00b)", encoded("a\u0000b"));
        values.put("an id of 10,000 characters", "x".repeat(10_000));
        values.put("combining accent and emoji", encoded("\u00e9\u0301\ud83d\ude00"));
        values.put("-1", "-1");
        values.put("a 26-digit number", "99999999999999999999999999");
        values.put("% (encoded)", encoded("%"));
        values.put("1e999", "1e999");
        values.put("broken UTF-8 (%C3%28)", "%C3%28");
        values.put("%00", "%00");
        values.put("..%2f..%2f", "..%2f..%2f");
        values.put("%ff%fe", "%ff%fe");
        values.put("%2e%2e", "%2e%2e");
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        forEachInParallel(endpoints(), endpoint -> {
            if (!endpoint.pattern().contains("{")) {
                return;
            }
            String role = firstAllowed(endpoint);
            for (Map.Entry<String, String> value : values.entrySet()) {
                String path = endpoint.pattern().replaceAll("\\{[^}]+}",
                        Matcher.quoteReplacement(value.getValue()));
                Answer answer = send(endpoint.service(), endpoint.method(), path, role, "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8));
                check(wrong, "path variable: " + value.getKey(), endpoint.key(), answer);
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** Hostile values in every query parameter every handler reads. */
    @Test
    void hostileQueryParametersNeverReachTheInside() {
        List<String> values = List.of(INJECTION, "-1", "99999999999999999999999999", "1e999", "NaN", "a\u0000b",
                "x".repeat(5_000), "2026-02-30", "9999999-01-01T00:00:00Z", "' UNION ALL SELECT 1 --", "",
                "%", "_", "\\");
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        forEachInParallel(endpoints(), endpoint -> {
            String role = firstAllowed(endpoint);
            for (String parameter : endpoint.queryParameters()) {
                for (String value : values) {
                    String path = endpoint.path("no-such-id-1") + "?" + parameter + "="
                            + URLEncoder.encode(value, StandardCharsets.UTF_8);
                    Answer answer = send(endpoint.service(), endpoint.method(), path, role, "application/json",
                            "{}".getBytes(StandardCharsets.UTF_8));
                    // a vocabulary's refusal repeats the value it refuses, which is not something from the inside
                    check(wrong, "query parameter: " + (value.length() > 100 ? "5,000 characters" : value.isEmpty()
                            ? "(empty)" : value.replace("\u0000", "NUL")), endpoint.key() + " ?" + parameter,
                            answer.withoutEcho(TrackerClient.json(value)));
                }
                String broken = endpoint.path("no-such-id-1") + "?" + parameter + "=%C3%28";
                check(wrong, "query parameter: broken UTF-8 (%C3%28)", endpoint.key() + " ?" + parameter,
                        send(endpoint.service(), endpoint.method(), broken, role, null, null));
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** Malformed, mistyped, oversized and wrongly labelled bodies on every endpoint that takes a body. */
    @Test
    void hostileBodiesNeverReachTheInside() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{\"name\":".getBytes(StandardCharsets.UTF_8));
        bodies.put("an array", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
        bodies.put("a string", "\"x\"".getBytes(StandardCharsets.UTF_8));
        bodies.put("null", "null".getBytes(StandardCharsets.UTF_8));
        bodies.put("empty", new byte[0]);
        bodies.put("a huge number", "{\"number\":1e999999999,\"percentage\":99999999999999999999999999999}"
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("a number 100,000 digits long", ("{\"number\":" + "9".repeat(100_000) + "}")
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("wrong types", "{\"name\":[],\"date\":{},\"reason\":1,\"title\":true,\"query\":{}}"
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("a NUL byte", "{\"name\":\"a\\u0000b\",\"reason\":\"a\\u0000b\",\"query\":\"\\u0000\"}"
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid UTF-8", concat("{\"name\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, "\"}".getBytes(StandardCharsets.UTF_8)));
        bodies.put("nested 10,000 deep", ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
        bodies.put("2 MB", ("{\"name\":\"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        bodies.put("duplicate keys", "{\"reason\":\"a\",\"reason\":\"b\"}".getBytes(StandardCharsets.UTF_8));
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        forEachInParallel(endpoints(), endpoint -> {
            if (!endpoint.method().equals("POST") && !endpoint.method().equals("PUT")) {
                return;
            }
            String role = firstAllowed(endpoint);
            String path = endpoint.path("no-such-id-1");
            for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
                check(wrong, "body: " + body.getKey(), endpoint.key(),
                        send(endpoint.service(), endpoint.method(), path, role, "application/json", body.getValue()));
            }
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/json; charset=latin1", "nonsense")) {
                check(wrong, "Content-Type: " + type, endpoint.key(), send(endpoint.service(), endpoint.method(), path,
                        role, type, "{}".getBytes(StandardCharsets.UTF_8)));
            }
        });
        assertThat(wrong).isEmpty();
    }

    /**
     * SQL injection text in every text field of a valid create is stored as written (a plain value, not a command)
     * or refused; the tables it names are still there afterwards.
     */
    @Test
    void injectionTextInEveryFieldOfTheCreatesIsDataNotCode() {
        String staff = TOKENS.get("staff");
        Answer organisation = send(COMMAND, "POST", "/api/organisations", staff, "application/json",
                bytes("{\"name\":\"Asociatia Injectie\",\"sector\":\"civil-society\",\"locality\":\"Cluj\"}"));
        assertThat(organisation.status()).isEqualTo(201);
        String organisationId = organisation.json().get("id").asText();
        Map<String, String> creates = new LinkedHashMap<>();
        creates.put("/api/organisations", """
                {"name":"N","sector":"civil-society","fields":["health"],"locality":"Cluj"}""");
        creates.put("/api/organisations/" + organisationId + "/interviews", """
                {"date":"2020-04-02","channel":"phone","consent":"publish",
                 "measures":[{"field":"health","description":"d","targetGroups":["t"],"partners":["p"]}],
                 "supportNeeds":[{"kind":"volunteers-and-staff","horizon":"medium-term"}],"lessons":"l"}""");
        creates.put("/api/organisations/" + organisationId + "/contacts", """
                {"name":"N","role":"r","email":"a@example.ro","phone":"0744","preferredLanguage":"ro"}""");
        creates.put("/api/commitments", """
                {"leadOrganisationId":"%s","coSignerIds":[],"title":"T","field":"health","kind":"scale-service",
                 "startDate":"2026-01-01","targetDate":"2028-12-31",
                 "milestones":[{"id":"m1","title":"M","dueDate":"2028-06-30"}]}""".formatted(organisationId));
        creates.put("/api/sessions", """
                {"topic":"T","date":"2026-03-12","place":"P","link":"https://meet.example.ro/x","lessonIds":[]}""");
        creates.put("/api/lessons", """
                {"title":"T","text":"X","field":"health","lessonClass":"scale","sources":[]}""");
        creates.put("/api/recommendations", """
                {"what":"W","whoRunsIt":"R","howToReachThem":"H","field":"health",
                 "recommender":{"name":"N","contact":"a@example.ro"},"consentToContact":true}""");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> create : creates.entrySet()) {
            JsonNode valid = readJson(create.getValue());
            for (String field : textFields(valid, "")) {
                JsonNode hostile = withText(valid.deepCopy(), field, INJECTION);
                Answer answer = send(COMMAND, "POST", create.getKey(), staff, "application/json",
                        bytes(TrackerClient.json(hostile)));
                check(wrong, "SQL injection text in a body field", "POST " + create.getKey() + " " + field, answer);
                if (answer.status() >= 300 && answer.status() != 400 && answer.status() != 422) {
                    wrong.add("POST " + create.getKey() + " " + field + ": " + answer.status());
                }
            }
        }
        assertThat(wrong).isEmpty();
        Answer stored = send(COMMAND, "POST", "/api/organisations", staff, "application/json",
                bytes("{\"name\":\"" + INJECTION + "\",\"sector\":\"civil-society\"}"));
        assertThat(stored.status()).isEqualTo(201);
        String id = stored.json().get("id").asText();
        Answer read = send(QUERY, "GET", "/api/organisations/" + id + "?minPosition="
                + stored.json().get("position").asLong(), staff, null, null);
        assertThat(read.json().path("details").path("name").asText()).as(read.body()).isEqualTo(INJECTION);
        assertThat(system.count("SELECT count(*) FROM event_store.event_chain")).isNotNegative();
        Answer search = send(QUERY, "POST", "/api/admin/persons/search", TOKENS.get("admin"), "application/json",
                bytes("{\"query\":\"" + INJECTION + "\"}"));
        assertThat(search.status()).isEqualTo(200);
    }

    /** Tokens an attacker could make: unsigned, signed with another key or algorithm, expired, altered. */
    @Test
    void forgedTokensAreRefused() {
        String staff = TOKENS.get("staff");
        String[] parts = staff.split("\\.");
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        Base64.Decoder decode = Base64.getUrlDecoder();
        String claims = new String(decode.decode(parts[1]), StandardCharsets.UTF_8);
        String adminClaims = claims.replace("\"staff\"", "\"admin\"");
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg none", url.encodeToString(bytes("{\"alg\":\"none\"}")) + "." + parts[1] + ".");
        forged.put("alg none, admin role", url.encodeToString(bytes("{\"alg\":\"none\",\"typ\":\"JWT\"}")) + "."
                + url.encodeToString(bytes(adminClaims)) + ".");
        forged.put("claims changed to admin, signature kept", parts[0] + "." + url.encodeToString(bytes(adminClaims))
                + "." + parts[2]);
        forged.put("signature removed", parts[0] + "." + parts[1] + ".");
        forged.put("HS512 header", url.encodeToString(bytes("{\"alg\":\"HS512\"}")) + "." + parts[1] + "."
                + parts[2]);
        forged.put("RS256 header", url.encodeToString(bytes("{\"alg\":\"RS256\"}")) + "." + parts[1] + "."
                + parts[2]);
        forged.put("expired", AccessTokens.signed(claimsSet -> claimsSet.expirationTime(
                Date.from(Instant.now().minusSeconds(120)))));
        forged.put("signed with another key", AccessTokens.signedWith("another-secret-of-at-least-thirty-two-bytes!",
                claimsSet -> claimsSet));
        forged.put("not a token", "not-a-token");
        forged.put("10,000 characters", "a".repeat(10_000));
        forged.put("NUL", "abc%00def");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> token : forged.entrySet()) {
            Answer write = send(COMMAND, "POST", "/api/organisations", token.getValue(), "application/json",
                    bytes("{\"name\":\"Forged\",\"sector\":\"business\"}"));
            Answer read = send(QUERY, "GET", "/api/audit/events", token.getValue(), null, null);
            // a token over Tomcat's 8 KB header limit is refused before it is read: 400
            int expected = token.getValue().length() > 8_000 ? 400 : 401;
            if (write.status() != expected || read.status() != expected) {
                wrong.add(token.getKey() + ": write " + write.status() + ", read " + read.status());
            }
            assertNoInternals(token.getKey(), write);
            observe("token: " + token.getKey(), write);
            observe("token: " + token.getKey(), read);
        }
        assertThat(wrong).isEmpty();
        assertThat(system.count("SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE "
                + "'%OrganisationRegistered' AND convert_from(payload, 'UTF8') LIKE '%Forged%'")).isZero();
    }

    /** bcrypt reads at most 72 bytes of a password; a longer one must still be just a wrong password. */
    @Test
    void loginRefusesLongAndMistypedCredentialsWithoutAFailure() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("login: a password of 200 characters (bcrypt reads 72 bytes)",
                "{\"username\":\"staff\",\"password\":\"" + "p".repeat(200) + "\"}");
        bodies.put("login: the right password followed by 180 more characters",
                "{\"username\":\"staff\",\"password\":\"staff-local-password" + "p".repeat(180) + "\"}");
        bodies.put("login: a password of 201 characters", "{\"username\":\"staff\",\"password\":\""
                + "p".repeat(201) + "\"}");
        bodies.put("login: SQL injection as user name", "{\"username\":\"" + INJECTION + "\",\"password\":\"x\"}");
        bodies.put("login: user name as a number", "{\"username\":1,\"password\":\"x\"}");
        bodies.put("login: an extra field roles", "{\"username\":\"staff\",\"password\":\"staff-local-password\","
                + "\"roles\":[\"admin\"]}");
        Map<String, Integer> expected = Map.of("login: a password of 200 characters (bcrypt reads 72 bytes)", 401,
                "login: the right password followed by 180 more characters", 401,
                "login: a password of 201 characters", 400, "login: SQL injection as user name", 401,
                "login: user name as a number", 400, "login: an extra field roles", 400);
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            Answer answer = send(COMMAND, "POST", "/api/auth/token", null, "application/json", bytes(body.getValue()));
            check(wrong, body.getKey(), COMMAND + " POST /api/auth/token", answer);
            if (answer.status() != expected.get(body.getKey())) {
                wrong.add(body.getKey() + ": " + answer.status() + " " + abbreviated(answer.body()));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndLoggedInAnswersAreNotStored() {
        List<Answer> answers = List.of(
                send(QUERY, "GET", "/api/report", null, null, null),
                send(QUERY, "GET", "/api/report", TOKENS.get("staff"), null, null),
                send(QUERY, "GET", "/api/audit/events", null, null, null),
                send(COMMAND, "POST", "/api/organisations;x=1", TOKENS.get("staff"), "application/json", bytes("{}")),
                send(COMMAND, "POST", "/api/organisations", TOKENS.get("staff"), "application/json",
                        new byte[2_000_000]),
                send(COMMAND, "POST", "/api/auth/token", null, "application/json", bytes("{\"username\":1}")),
                send(QUERY, "GET", "/no/such/path", null, null, null));
        for (Answer answer : answers) {
            assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(answer.toString()).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).as(answer.toString())
                    .contains("frame-ancestors 'none'").contains("default-src 'none'");
            assertThat(answer.header("Referrer-Policy")).as(answer.toString()).isEqualTo("no-referrer");
            assertNoInternals(answer.toString(), answer);
        }
        assertThat(answers.get(1).header("Cache-Control")).contains("no-store");
        assertThat(answers.get(3).status()).isEqualTo(400);
        assertThat(answers.get(4).status()).isEqualTo(413);
    }

    // ---- helpers

    /** Runs {@code check} for every endpoint, four at a time, so that both cores keep busy. */
    private static void forEachInParallel(List<Endpoint> endpoints, Consumer<Endpoint> check) {
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            endpoints.forEach(endpoint -> done.add(threads.submit(() -> check.accept(endpoint))));
            for (Future<?> each : done) {
                each.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String firstAllowed(Endpoint endpoint) {
        Who who = WHO_MAY_CALL_WHAT.get(endpoint.key());
        if (who == Who.PUBLIC) {
            // logged in, so that the public rate limit leaves the hostile requests through to the handlers
            return endpoint.key().equals(COMMAND + " POST /api/auth/token")
                    || endpoint.key().equals(COMMAND + " POST /api/recommendations") ? null : TOKENS.get("staff");
        }
        return ROLES.stream().filter(who::allows).findFirst().map(TOKENS::get).orElseThrow();
    }

    /**
     * Checks one answer to a hostile request: no 5xx, nothing of the inside, a problem document for any refusal. The
     * answer's status and problem type are kept under {@code attack} for {@code docs/security.md}.
     */
    private static void check(List<String> wrong, String attack, String endpoint, Answer answer) {
        String what = attack + " on " + endpoint;
        observe(attack, answer);
        if (answer.status() >= 500) {
            wrong.add(what + ": " + answer.status() + " " + abbreviated(answer.body()));
        }
        for (String internal : INTERNALS) {
            if (answer.body().contains(internal) && !answer.status2xx()) {
                wrong.add(what + ": " + answer.status() + " shows '" + internal + "': " + abbreviated(answer.body()));
            }
        }
        if (answer.status() >= 400 && !answer.body().isEmpty()
                && !String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")) {
            wrong.add(what + ": " + answer.status() + " not a problem document: " + answer.header("Content-Type"));
        }
    }

    /** Every answer each attack got, as "status type", over all endpoints. */
    private static final Map<String, Set<String>> OBSERVED = new ConcurrentSkipListMap<>();

    private static void observe(String attack, Answer answer) {
        String type = answer.status2xx() ? "" : " " + answer.problemType();
        OBSERVED.computeIfAbsent(attack, key -> new ConcurrentSkipListSet<>())
                .add(answer.status() + type);
    }

    /** Writes what each attack got to {@code target/security-answers.md}, the source of docs/security.md. */
    @AfterAll
    static void writeTheAnswers() throws IOException {
        StringBuilder table = new StringBuilder("| attack | answers (status and problem type) |\n|---|---|\n");
        OBSERVED.forEach((attack, answers) -> table.append("| ").append(attack.replace("|", "\\|")).append(" | ")
                .append(String.join(", ", answers)).append(" |\n"));
        Files.writeString(Path.of("target", "security-answers.md"), table);
    }

    private static void assertNoInternals(String what, Answer answer) {
        if (!answer.status2xx()) {
            assertThat(answer.body()).as(what).doesNotContain(INTERNALS);
        }
    }

    /** @param auth a role's token, any other token text, or null for none */
    static Answer send(String service, String method, String path, String auth, String contentType, byte[] body) {
        int port = service.equals(COMMAND) ? system.tracker.commandPort() : system.tracker.queryPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (auth != null) {
            request.header("Authorization", "Bearer " + (TOKENS.containsKey(auth) ? TOKENS.get(auth) : auth));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<byte[]> response = exchange(request.build());
            return new Answer(method + " " + abbreviated(path), response.statusCode(),
                    new String(response.body(), StandardCharsets.UTF_8), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + abbreviated(path), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends the request; sent again once if the kept-alive connection it went out on had been closed by the server
     * before a single byte of an answer came back (the race every HTTP client has with an idle connection's close; the
     * JDK's client resends only idempotent methods by itself). A server that closes without answering this request
     * fails it the second time too.
     */
    private static HttpResponse<byte[]> exchange(HttpRequest request) throws IOException, InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                throw e;
            }
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    record Answer(String request, int status, String body, Map<String, List<String>> headers) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        /** The answer with {@code echoed} (a sent value, as JSON text) cut out of its body. */
        Answer withoutEcho(String echoed) {
            String inner = echoed.substring(1, echoed.length() - 1);
            return new Answer(request, status, inner.isEmpty() ? body : body.replace(inner, ""), headers);
        }

        boolean status2xx() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return readJson(body);
        }

        String problemType() {
            try {
                return TrackerClient.JSON.readTree(body).path("type").asText("(no type)");
            } catch (IOException e) {
                return "(not JSON)";
            }
        }

        @Override
        public String toString() {
            return request + " -> " + status;
        }
    }

    private static List<String> textFields(JsonNode node, String path) {
        List<String> fields = new ArrayList<>();
        if (node.isTextual()) {
            fields.add(path);
        } else if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> fields.addAll(textFields(node.get(name),
                    path.isEmpty() ? name : path + "." + name)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                fields.addAll(textFields(node.get(i), path + "[" + i + "]"));
            }
        }
        return fields;
    }

    private static JsonNode withText(JsonNode root, String path, String value) {
        JsonNode parent = root;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            Integer index = null;
            if (step.endsWith("]")) {
                index = Integer.parseInt(step.substring(step.indexOf('[') + 1, step.length() - 1));
                step = step.substring(0, step.indexOf('['));
            }
            boolean last = i == steps.length - 1;
            if (index == null) {
                if (last) {
                    ((ObjectNode) parent).set(step, TextNode.valueOf(value));
                } else {
                    parent = parent.get(step);
                }
            } else {
                JsonNode array = parent.get(step);
                if (last) {
                    ((ArrayNode) array).set(index, TextNode.valueOf(value));
                } else {
                    parent = array.get(index);
                }
            }
        }
        return root;
    }

    private static JsonNode readJson(String text) {
        try {
            return TrackerClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + abbreviated(text), e);
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
