package ro.cluj.crt.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The write API of the tracker's command service over HTTP: one login (a staff member's or a monitor's), then writes
 * with the bearer token.
 */
final class StaffApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_SHOWN_BODY = 300;

    /** The service's address, ending in '/', so that the API paths resolve under it. */
    private final URI base;
    private final HttpClient client;
    private final ObjectMapper json;
    private String token;

    StaffApi(URI base, HttpClient client, ObjectMapper json) {
        this.base = base;
        this.client = client;
        this.json = json;
    }

    /** Uses an access token got elsewhere instead of logging in. */
    void useToken(String accessToken) {
        token = accessToken;
    }

    /** Logs in once; the password goes only into the request body. */
    void login(String username, String password) throws ImportFailure {
        HttpResponse<String> response = send(post("/api/auth/token",
                json(Map.of("username", username, "password", password))).build());
        if (response.statusCode() != 200) {
            throw new ImportFailure("login refused (" + response.statusCode() + "): " + problem(response));
        }
        JsonNode answer = parse(response);
        if (!answer.path("accessToken").isTextual()) {
            throw new ImportFailure("the login answer holds no access token");
        }
        token = answer.get("accessToken").asText();
    }

    Receipt registerOrganisation(Bodies.Organisation organisation) throws ApiRefusal, ImportFailure {
        return write("/api/organisations", organisation);
    }

    Receipt recordInterview(String organisationId, Bodies.Interview interview) throws ApiRefusal, ImportFailure {
        return write("/api/organisations/" + segment(organisationId) + "/interviews", interview);
    }

    /** Makes a commitment under the id its body gives; that id taken already is a refusal with status 409. */
    Receipt makeCommitment(Bodies.Commitment commitment) throws ApiRefusal, ImportFailure {
        return write("/api/commitments", commitment, null);
    }

    /** Reports progress, based on the commitment's version {@code expectedVersion} (sent as If-Match). */
    Receipt reportProgress(String commitmentId, Bodies.Progress progress, long expectedVersion)
            throws ApiRefusal, ImportFailure {
        return write("/api/commitments/" + segment(commitmentId) + "/progress", progress,
                "\"" + expectedVersion + "\"");
    }

    /** Reports a percentage, based on the commitment's version {@code expectedVersion} (sent as If-Match). */
    Receipt reportPercentage(String commitmentId, Bodies.Percentage progress, long expectedVersion)
            throws ApiRefusal, ImportFailure {
        return write(commitment(commitmentId, "progress"), progress, version(expectedVersion));
    }

    /** Revises one part of a commitment, based on its version {@code expectedVersion}. */
    Receipt reviseCommitment(String commitmentId, Bodies.Revision revision, long expectedVersion)
            throws ApiRefusal, ImportFailure {
        return write(commitment(commitmentId, "revisions"), revision, version(expectedVersion));
    }

    /** Records a commitment as fulfilled today, based on its version {@code expectedVersion}. */
    Receipt fulfilCommitment(String commitmentId, Bodies.Fulfilment fulfilment, long expectedVersion)
            throws ApiRefusal, ImportFailure {
        return write(commitment(commitmentId, "fulfilment"), fulfilment, version(expectedVersion));
    }

    /** Abandons a commitment, based on its version {@code expectedVersion}. */
    Receipt abandonCommitment(String commitmentId, Bodies.Reasoned abandonment, long expectedVersion)
            throws ApiRefusal, ImportFailure {
        return write(commitment(commitmentId, "abandonment"), abandonment, version(expectedVersion));
    }

    private static String commitment(String commitmentId, String action) {
        return "/api/commitments/" + segment(commitmentId) + "/" + action;
    }

    private static String version(long expectedVersion) {
        return "\"" + expectedVersion + "\"";
    }

    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Receipt write(String path, Object body) throws ApiRefusal, ImportFailure {
        return write(path, body, null);
    }

    private Receipt write(String path, Object body, String ifMatch) throws ApiRefusal, ImportFailure {
        if (token == null) {
            throw new IllegalStateException("not logged in");
        }
        HttpRequest.Builder request = post(path, json(body)).header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = send(request.build());
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            return receipt(response);
        }
        if (status == 401 || status == 403) {
            throw new ImportFailure("the tracker refused the access token (" + status + "): " + problem(response));
        }
        if (status >= 400 && status < 500) {
            throw new ApiRefusal("the tracker refused it (" + status + "): " + problem(response), status,
                    problemType(response));
        }
        throw new ImportFailure("the tracker failed (" + status + ") on " + path + ": " + problem(response));
    }

    private Receipt receipt(HttpResponse<String> response) throws ImportFailure {
        try {
            Receipt receipt = json.readValue(response.body(), Receipt.class);
            if (receipt.id() == null) {
                throw new ImportFailure("the tracker's answer holds no id: " + shorten(response.body()));
            }
            return receipt;
        } catch (JsonProcessingException e) {
            throw new ImportFailure("the tracker's answer is not a receipt: " + shorten(response.body()), e);
        }
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest request) throws ImportFailure {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ImportFailure("cannot reach the tracker at " + base + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailure("interrupted while waiting for the tracker", e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "no connection (is the command service running there?)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private String json(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body cannot be written as JSON", e);
        }
    }

    private JsonNode parse(HttpResponse<String> response) throws ImportFailure {
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ImportFailure("the tracker's answer is not JSON: " + shorten(response.body()), e);
        }
    }

    /** A problem document (RFC 9457) told in one line: its detail and the bad fields. */
    private String problem(HttpResponse<String> response) {
        JsonNode problem;
        try {
            problem = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            return shorten(response.body());
        }
        if (problem == null || !problem.isObject()) {
            return shorten(response.body());
        }
        List<String> parts = new ArrayList<>();
        String detail = problem.path("detail").asText(problem.path("title").asText(""));
        if (!detail.isBlank()) {
            parts.add(detail);
        }
        for (JsonNode error : problem.path("errors")) {
            parts.add(error.path("field").asText("?") + ": " + error.path("message").asText(""));
        }
        return parts.isEmpty() ? shorten(response.body()) : String.join("; ", parts);
    }

    private String problemType(HttpResponse<String> response) {
        try {
            JsonNode problem = json.readTree(response.body());
            return problem != null && problem.path("type").isTextual() ? problem.get("type").asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String shorten(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() <= MAX_SHOWN_BODY ? text : text.substring(0, MAX_SHOWN_BODY) + "...";
    }
}
