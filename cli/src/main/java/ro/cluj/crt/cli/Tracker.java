package ro.cluj.crt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The tracker's HTTP API as the commands use it: one login (or a token given), JSON reads and writes, downloads
 * as streams. Every failure becomes a {@link TrackerException} with a message for people and the exit code it
 * deserves; no stack trace reaches the user.
 */
final class Tracker {

    static final String LOGIN_PATH = "api/auth/token";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(10);
    private static final int MAX_SHOWN = 300;

    private final URI commandBase;
    private final URI queryBase;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Credentials credentials;
    private String token;

    /** Where the token comes from: given, or a login with a user name and password. */
    record Credentials(String token, String user, String password) {

        @Override
        public String toString() {
            return "Credentials[token=" + (token == null ? "none" : "given") + ", user=" + user + "]";
        }
    }

    Tracker(URI commandBase, URI queryBase, Credentials credentials) {
        this.commandBase = withSlash(commandBase);
        this.queryBase = withSlash(queryBase);
        this.credentials = credentials;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The tracker named by the options and the environment ({@code CRT_URL}, {@code CRT_QUERY_URL},
     * {@code CRT_TOKEN}, {@code CRT_PASSWORD}); credentials are checked only when a command needs them.
     */
    static Tracker of(Connection options, Map<String, String> environment) {
        URI url = uri(options.url != null ? options.url.toString()
                : environment.getOrDefault("CRT_URL", Connection.DEFAULT_URL));
        URI queryUrl = uri(options.queryUrl != null ? options.queryUrl.toString()
                : environment.getOrDefault("CRT_QUERY_URL", Connection.DEFAULT_QUERY_URL));
        String token = firstOf(options.token, environment.get("CRT_TOKEN"));
        String password = firstOf(options.password, environment.get("CRT_PASSWORD"));
        return new Tracker(url, queryUrl, new Credentials(token, options.user, password));
    }

    URI commandBase() {
        return commandBase;
    }

    URI queryBase() {
        return queryBase;
    }

    /**
     * The access token: the one given, else one from logging in.
     *
     * @throws UsageError when neither a token nor a user with a password was given
     */
    String token() {
        if (token != null) {
            return token;
        }
        if (credentials.token() != null) {
            token = credentials.token();
        } else if (credentials.user() == null) {
            throw new UsageError("not logged in: give --token or set CRT_TOKEN, or give --user with "
                    + "--password or CRT_PASSWORD");
        } else if (credentials.password() == null) {
            throw new UsageError("no password for " + credentials.user()
                    + ": give --password or set CRT_PASSWORD");
        } else {
            token = login(credentials.user(), credentials.password());
        }
        return token;
    }

    /** Logs in through the command service; the password goes only into the request body. */
    String login(String user, String password) {
        String body = json.createObjectNode().put("username", user).put("password", password).toString();
        HttpResponse<String> response = send(HttpRequest.newBuilder(commandBase.resolve(LOGIN_PATH))
                .timeout(READ_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new TrackerException(ExitCode.UNREACHABLE, "login refused for " + user + " ("
                    + response.statusCode() + "): " + problem(response.body()));
        }
        return read(response.body()).path("accessToken").asText();
    }

    /** Fails with {@link ExitCode#UNREACHABLE} unless both services answer (their health, any status). */
    void checkReachable() {
        for (URI base : java.util.List.of(commandBase, queryBase)) {
            send(HttpRequest.newBuilder(base.resolve("actuator/health")).timeout(CONNECT_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    /** A read of the query service as text, with the token when {@code authenticated}. */
    String getText(String path, boolean authenticated) {
        HttpResponse<String> response = send(request(path, authenticated).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        check(response.statusCode(), response.body());
        return response.body();
    }

    /** A read of the query service, with the token when {@code authenticated}. */
    JsonNode get(String path, boolean authenticated) {
        HttpResponse<String> response = send(request(path, authenticated).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        check(response.statusCode(), response.body());
        return read(response.body());
    }

    /** A POST without a body to the query service (the admin endpoints), with the token. */
    Optional<JsonNode> post(String path) {
        HttpResponse<String> response = send(request(path, true).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        check(response.statusCode(), response.body());
        return response.body().isBlank() ? Optional.empty() : Optional.of(read(response.body()));
    }

    /** A download from the query service: the open stream, to be closed by the caller. */
    InputStream download(String path, boolean authenticated) {
        HttpResponse<InputStream> response = send(request(path, authenticated).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                check(response.statusCode(), new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8));
            } catch (IOException e) {
                check(response.statusCode(), "");
            }
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(queryBase.resolve(path)).timeout(READ_TIMEOUT)
                .header("Accept", "application/json, */*");
        if (authenticated) {
            request.header("Authorization", "Bearer " + token());
        }
        return request;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        URI where = request.uri();
        try {
            return http.send(request, body);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new TrackerException(ExitCode.UNREACHABLE, "cannot reach the tracker at " + where.getScheme()
                    + "://" + where.getAuthority() + ": nothing answers there (" + reason(e) + ")", e);
        } catch (IOException e) {
            throw new TrackerException(ExitCode.UNREACHABLE, "the connection to " + where.getScheme() + "://"
                    + where.getAuthority() + " failed: " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackerException(ExitCode.PROBLEMS, "interrupted", e);
        }
    }

    private void check(int status, String body) {
        if (status == 401 || status == 403) {
            throw new TrackerException(ExitCode.UNREACHABLE, (status == 401
                    ? "the tracker refused the access token (401): "
                    : "the account lacks the role this needs (403): ") + problem(body));
        }
        if (status >= 300) {
            throw new TrackerException(ExitCode.PROBLEMS, "the tracker answered " + status + ": " + problem(body));
        }
    }

    /** A problem document's detail (or title), else the start of the body. */
    private String problem(String body) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.isObject()) {
                String detail = problem.path("detail").asText(problem.path("title").asText(""));
                if (!detail.isBlank()) {
                    return detail;
                }
            }
        } catch (IOException e) {
            // not JSON: show the start of the body instead
        }
        String text = body == null ? "" : body.strip();
        return text.isEmpty() ? "no detail" : text.substring(0, Math.min(MAX_SHOWN, text.length()));
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new TrackerException(ExitCode.PROBLEMS, "the tracker's answer is not JSON: " + e.getMessage(), e);
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName().replace("Exception", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT) : message;
    }

    private static String firstOf(String given, String fromEnvironment) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
    }

    private static URI withSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? uri : URI.create(text + "/");
    }

    private static URI uri(String text) {
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new UsageError("not an http or https address: " + text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageError("not an address: " + text);
        }
    }

    /** The command line (with the environment) lacks what a command needs: a usage error. */
    static final class UsageError extends RuntimeException {

        UsageError(String message) {
            super(message);
        }
    }
}
