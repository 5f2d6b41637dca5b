package ro.cluj.crt.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A small HTTP client for the tests: logs in as one of the demo accounts and sends JSON. */
final class TrackerClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String commandBase;
    private final String queryBase;
    private final String token;

    private TrackerClient(String commandBase, String queryBase, String token) {
        this.commandBase = commandBase;
        this.queryBase = queryBase;
        this.token = token;
    }

    static TrackerClient anonymous(int commandPort, int queryPort) {
        return new TrackerClient("http://127.0.0.1:" + commandPort, "http://127.0.0.1:" + queryPort, null);
    }

    /** Logs in as a demo account of the "local" profile: staff, monitor, auditor or admin. */
    TrackerClient as(String account) {
        Response login = post("/api/auth/token",
                json(Map.of("username", account, "password", account + "-local-password")));
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login);
        }
        return new TrackerClient(commandBase, queryBase, login.json().get("accessToken").asText());
    }

    Response post(String path, String body) {
        return post(path, body, Map.of());
    }

    Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(commandBase + path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    Response put(String path, String body) {
        return send(request(commandBase + path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A POST to the query service, where the admin operations on projections live. */
    Response postToQueries(String path, String body) {
        return send(request(queryBase + path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A DELETE to the query service, such as discarding a replay. */
    Response deleteFromQueries(String path) {
        return send(request(queryBase + path).DELETE().build());
    }

    Response postBytes(String path, byte[] body) {
        return send(request(commandBase + path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Response head(String path) {
        return send(request(queryBase + path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A GET to the command service, such as the login audit. */
    Response getFromCommands(String path) {
        return send(request(commandBase + path).GET().build());
    }

    Response get(String path) {
        return send(request(queryBase + path).GET().build());
    }

    private HttpRequest.Builder request(String uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }
}
