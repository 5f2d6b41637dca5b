package ro.cluj.crt.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 1: staff clients recording interviews through the command service's HTTP API. Each client is its own
 * {@link HttpClient} (HTTP/1.1, one kept-alive connection), logs in once and then sends one request at a time.
 */
final class HttpWorkload {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_SHOWN_BODY = 200;

    private final URI base;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Client> clients = new ArrayList<>();

    HttpWorkload(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** One staff client: its connection and its access token. */
    private record Client(HttpClient http, String token, String accountId) {
    }

    /** Opens the clients and logs each of them in once. */
    void logIn(int count) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT).build();
            HttpResponse<String> answer = http.send(post("/api/auth/token", Bodies.LOGIN, null),
                    HttpResponse.BodyHandlers.ofString());
            requireStatus(answer, 200, "login");
            JsonNode body = json.readTree(answer.body());
            clients.add(new Client(http, body.path("accessToken").asText(), body.path("accountId").asText()));
        }
    }

    /** Logs in once more with other credentials (a login body) and answers that account's access token. */
    String accessToken(String login) throws IOException, InterruptedException {
        HttpResponse<String> answer = clients.getFirst().http().send(post("/api/auth/token", login, null),
                HttpResponse.BodyHandlers.ofString());
        requireStatus(answer, 200, "login");
        return json.readTree(answer.body()).path("accessToken").asText();
    }

    /** The account the clients act as, which the command workload imitates in its metadata. */
    String accountId() {
        return clients.getFirst().accountId();
    }

    /** Registers the organisation the interviews are about and answers its id. */
    String registerOrganisation() throws IOException, InterruptedException {
        Client client = clients.getFirst();
        HttpResponse<String> answer = client.http().send(post("/api/organisations", Bodies.ORGANISATION,
                client.token()), HttpResponse.BodyHandlers.ofString());
        requireStatus(answer, 201, "organisation registration");
        return json.readTree(answer.body()).path("id").asText();
    }

    /** One worker per client, each recording one interview per operation; only 201 counts. */
    List<Operation> workers(String organisationId) {
        String path = "/api/organisations/" + organisationId + "/interviews";
        return clients.stream().<Operation>map(client -> () -> {
            HttpResponse<String> answer = client.http().send(post(path, Bodies.INTERVIEW, client.token()),
                    HttpResponse.BodyHandlers.ofString());
            requireStatus(answer, 201, "interview");
        }).toList();
    }

    void close() {
        clients.forEach(client -> client.http().close());
    }

    private HttpRequest post(String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static void requireStatus(HttpResponse<String> answer, int expected, String what) {
        if (answer.statusCode() != expected) {
            String body = answer.body() == null ? "" : answer.body();
            throw new IllegalStateException(what + " answered " + answer.statusCode() + ": "
                    + body.substring(0, Math.min(body.length(), MAX_SHOWN_BODY)));
        }
    }
}
