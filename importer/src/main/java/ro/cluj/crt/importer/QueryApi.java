package ro.cluj.crt.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The public read API of the tracker's query service over HTTP: a commitment's timeline and where it stands. */
final class QueryApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** How often a read is asked again while the view has not reached the position asked for (503). */
    private static final int BEHIND_ATTEMPTS = 6;

    private final URI base;
    private final HttpClient client;
    private final ObjectMapper json;
    private final Pause pause;

    QueryApi(URI base, HttpClient client, ObjectMapper json, Pause pause) {
        this.base = base;
        this.client = client;
        this.json = json;
        this.pause = pause;
    }

    /**
     * The timeline of a commitment once the view has applied the event at {@code minPosition} (any state when
     * negative), or empty when the tracker knows no commitment with this id.
     */
    Optional<Timeline> timeline(String commitmentId, long minPosition) throws ImportFailure {
        Optional<HttpResponse<String>> found = read("api/commitments/" + StaffApi.segment(commitmentId)
                + "/timeline", minPosition, "the timeline of " + commitmentId);
        return found.isEmpty() ? Optional.empty() : Optional.of(timeline(found.get()));
    }

    /**
     * Where a commitment stands once the view has applied the event at {@code minPosition} (now when negative), or
     * empty when the tracker knows no commitment with this id.
     */
    Optional<CommitmentView> state(String commitmentId, long minPosition) throws ImportFailure {
        Optional<HttpResponse<String>> found = read("api/commitments/" + StaffApi.segment(commitmentId),
                minPosition, "commitment " + commitmentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(found.get().body(), CommitmentView.class));
        } catch (JsonProcessingException e) {
            throw new ImportFailure("the state of commitment " + commitmentId + " is not as expected: "
                    + StaffApi.shorten(found.get().body()), e);
        }
    }

    private Optional<HttpResponse<String>> read(String path, long minPosition, String what) throws ImportFailure {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path
                        + (minPosition >= 0 ? "?minPosition=" + minPosition : ""))).timeout(TIMEOUT)
                .header("Accept", "application/json, application/problem+json").GET().build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = send(request);
            int status = response.statusCode();
            if (status == 200) {
                return Optional.of(response);
            }
            if (status == 404) {
                return Optional.empty();
            }
            if (status != 503 || attempt == BEHIND_ATTEMPTS) {
                throw new ImportFailure("the query service answered " + status + " to " + what + ": "
                        + StaffApi.shorten(response.body()));
            }
            pause.pause();
        }
    }

    private Timeline timeline(HttpResponse<String> response) throws ImportFailure {
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ImportFailure("the timeline is not JSON: " + StaffApi.shorten(response.body()), e);
        }
        long version = -1;
        Set<MonitoredMeasure.Reported> reported = new HashSet<>();
        for (JsonNode entry : answer.path("entries")) {
            version = Math.max(version, entry.path("sequence").asLong(-1));
            if ("ProgressReported".equals(entry.path("type").asText())) {
                JsonNode content = entry.path("content");
                String day = content.path("reportedFor").asText(entry.path("occurredOn").asText(""));
                String note = content.path("note").isTextual() ? content.get("note").asText() : null;
                if (!day.isEmpty()) {
                    reported.add(new MonitoredMeasure.Reported(LocalDate.parse(day), note));
                }
            }
        }
        return new Timeline(version, reported);
    }

    private HttpResponse<String> send(HttpRequest request) throws ImportFailure {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new ImportFailure("cannot reach the query service at " + base
                    + ": no connection (is it running there? see --query-url)", e);
        } catch (IOException e) {
            throw new ImportFailure("cannot reach the query service at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailure("interrupted while waiting for the query service", e);
        }
    }

    /** What a timeline says: the commitment's version (its last event's sequence number) and what was reported. */
    record Timeline(long version, Set<MonitoredMeasure.Reported> reported) {
    }

    /** Waits a little before asking again. */
    interface Pause {

        void pause() throws ImportFailure;

        /** Sleeps for the given time. */
        static Pause of(Duration duration) {
            return () -> {
                try {
                    Thread.sleep(duration);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ImportFailure("interrupted while waiting for the tracker", e);
                }
            };
        }
    }
}
