package ro.cluj.crt.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the command service on 127.0.0.1: login, and idempotent organisation and interview writes keyed by
 * external reference (same body, same answer; other body, 409), refusing unknown properties as the real one does.
 */
final class FakeTracker implements AutoCloseable {

    static final String PASSWORD = "fake-secret-4711";
    private static final String TOKEN = "token-of-the-fake";
    private static final Pattern INTERVIEWS = Pattern.compile("/api/organisations/([^/]+)/interviews");
    private static final Set<String> ORGANISATION_PROPERTIES =
            Set.of("name", "sector", "authorityLevel", "fields", "locality", "externalReference");
    private static final Set<String> INTERVIEW_PROPERTIES =
            Set.of("date", "channel", "consent", "source", "externalReference", "measures", "lessons");
    private static final Set<String> MEASURE_PROPERTIES = Set.of("title", "field", "fieldDetail", "description",
            "targetGroups", "startDate", "endDate", "partners", "reach", "industries", "evidence");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final Set<String> refusedInterviewIds = new HashSet<>();
    private final Set<String> refusedOrganisationIds = new HashSet<>();
    private final Map<String, Stored> organisations = new HashMap<>();
    private final Map<String, Stored> interviews = new HashMap<>();
    private final List<String> writeAuthorisations = new ArrayList<>();
    private int logins;
    private long position;

    FakeTracker() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/auth/token", this::login);
        server.createContext("/api/organisations", this::write);
        server.start();
    }

    /** The tracker answers 400 with field errors to the interview with this external id. */
    void refuseInterview(String externalId) {
        refusedInterviewIds.add(externalId);
    }

    /** The tracker answers 400 with field errors to the organisation with this external id. */
    void refuseOrganisation(String externalId) {
        refusedOrganisationIds.add(externalId);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized int logins() {
        return logins;
    }

    synchronized List<String> writeAuthorisations() {
        return List.copyOf(writeAuthorisations);
    }

    synchronized int organisationCount() {
        return organisations.size();
    }

    synchronized int interviewCount() {
        return interviews.size();
    }

    synchronized long position() {
        return position;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void login(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody());
        logins++;
        if ("staff".equals(body.path("username").asText()) && PASSWORD.equals(body.path("password").asText())) {
            respond(exchange, 200, "{\"accessToken\":\"" + TOKEN + "\",\"tokenType\":\"Bearer\"}");
        } else {
            problem(exchange, 401, "the user name or the password is wrong", List.of());
        }
    }

    private synchronized void write(HttpExchange exchange) throws IOException {
        String authorisation = exchange.getRequestHeaders().getFirst("Authorization");
        writeAuthorisations.add(String.valueOf(authorisation));
        if (!("Bearer " + TOKEN).equals(authorisation)) {
            problem(exchange, 401, "no valid access token", List.of());
            return;
        }
        JsonNode body = json.readTree(exchange.getRequestBody());
        String path = exchange.getRequestURI().getPath();
        Matcher interview = INTERVIEWS.matcher(path);
        if (path.equals("/api/organisations")) {
            List<String> errors = unknown(body, ORGANISATION_PROPERTIES);
            if (refusedOrganisationIds.contains(body.path("externalReference").path("id").asText())) {
                errors.add("name");
            }
            store(exchange, body, organisations, errors);
        } else if (interview.matches() && organisationExists(interview.group(1))) {
            List<String> errors = unknown(body, INTERVIEW_PROPERTIES);
            body.path("measures").forEach(measure -> errors.addAll(unknown(measure, MEASURE_PROPERTIES)));
            if (refusedInterviewIds.contains(body.path("externalReference").path("id").asText())) {
                errors.add("measures[0].description");
            }
            store(exchange, body, interviews, errors);
        } else {
            problem(exchange, 404, "no such organisation", List.of());
        }
    }

    private void store(HttpExchange exchange, JsonNode body, Map<String, Stored> store, List<String> errors)
            throws IOException {
        if (!errors.isEmpty()) {
            problem(exchange, 400, "the request is not valid", errors);
            return;
        }
        String key = body.path("externalReference").toString();
        Stored earlier = store.get(key);
        if (earlier != null && !earlier.body().equals(body)) {
            problem(exchange, 409, "another body was sent with this external reference", List.of());
            return;
        }
        Stored answer = earlier != null ? earlier : new Stored(body, "id-" + (store.size() + 1), ++position);
        store.put(key, answer);
        respond(exchange, 201, "{\"id\":\"" + answer.id() + "\",\"version\":1,\"position\":" + answer.position() + "}");
    }

    private boolean organisationExists(String id) {
        return organisations.values().stream().anyMatch(stored -> stored.id().equals(id));
    }

    private static List<String> unknown(JsonNode body, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    private void problem(HttpExchange exchange, int status, String detail, List<String> fields) throws IOException {
        StringBuilder errors = new StringBuilder();
        for (String field : fields) {
            errors.append(errors.isEmpty() ? "" : ",")
                    .append("{\"field\":\"").append(field).append("\",\"message\":\"must not be blank\"}");
        }
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        respond(exchange, status, "{\"type\":\"/problems/x\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"errors\":[" + errors + "]}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private record Stored(JsonNode body, String id, long position) {
    }
}
