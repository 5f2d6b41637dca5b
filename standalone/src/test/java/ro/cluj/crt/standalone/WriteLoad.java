package ro.cluj.crt.standalone;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Clients writing through the API at the same time, as staff and monitors do: each registers organisations, records
 * interviews with them and reports progress on shared commitments, and remembers every success answer. A create
 * whose answer never came (the service died under it) is sent again with the same {@code Idempotency-Key} until it
 * is answered, as a careful client does; a progress report, which has no such key, is not repeated, so each note is
 * sent once.
 */
final class WriteLoad {

    /** A success answer: the aggregate, the version and position the write answered, and what identifies it. */
    record Ack(Kind kind, String aggregateId, long version, long position, String marker) {
    }

    enum Kind { ORGANISATION, INTERVIEW, PROGRESS }

    private static final Duration RETRY = Duration.ofMillis(200);

    private final IntFunction<TrackerClient> staff;
    private final IntFunction<TrackerClient> monitor;
    private final List<String> commitments;
    private final String tag;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> workers = new ArrayList<>();
    private final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger lostAnswers = new AtomicInteger();

    /**
     * @param staff       the staff client worker {@code i} writes through (several instances: alternate them)
     * @param monitor     the monitor client worker {@code i} reports progress through
     * @param commitments the commitments the workers report progress on, all of them on each
     * @param tag         makes this load's keys and notes unique in the database
     */
    WriteLoad(IntFunction<TrackerClient> staff, IntFunction<TrackerClient> monitor, List<String> commitments,
              String tag) {
        this.staff = staff;
        this.monitor = monitor;
        this.commitments = List.copyOf(commitments);
        this.tag = tag;
    }

    WriteLoad start(int workerCount) {
        for (int w = 0; w < workerCount; w++) {
            int worker = w;
            workers.add(Thread.ofPlatform().name("load-" + tag + "-" + w).start(() -> work(worker)));
        }
        return this;
    }

    /** Stops sending new writes; a create still unanswered is sent until it is answered. */
    List<Ack> stop() throws InterruptedException {
        running.set(false);
        for (Thread worker : workers) {
            worker.join(Duration.ofSeconds(120));
        }
        return List.copyOf(acks);
    }

    /** How often each status was answered, beside those that never came. */
    Map<Integer, Integer> statuses() {
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    /** Writes whose answer never came: the connection broke. */
    int lostAnswers() {
        return lostAnswers.get();
    }

    private void work(int worker) {
        String organisation = null;
        for (int i = 0; running.get(); i++) {
            String marker = tag + "-w" + worker + "-" + i;
            switch (i % 4) {
                case 0 -> organisation = createUntilAnswered(Kind.ORGANISATION, worker, "/api/organisations",
                        "{\"name\":\"Organisation " + marker + "\",\"sector\":\"civil-society\"}", marker);
                case 1 -> createUntilAnswered(Kind.INTERVIEW, worker, "/api/organisations/" + organisation
                        + "/interviews", """
                        {"date":"2020-05-04","channel":"phone","consent":"publish",
                         "measures":[{"field":"culture","description":"Reading club %s"}]}""".formatted(marker),
                        marker);
                default -> reportProgress(worker, commitments.get((worker + i) % commitments.size()), marker);
            }
        }
    }

    private String createUntilAnswered(Kind kind, int worker, String path, String body, String key) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < giveUp) {
            try {
                TrackerClient.Response response = staff.apply(worker).post(path, body, Map.of("Idempotency-Key", key));
                count(response.status());
                if (response.status() / 100 == 2) {
                    acks.add(ack(kind, response, key));
                    return response.json().get("id").asText();
                }
            } catch (UncheckedIOException e) {
                lostAnswers.incrementAndGet();
            }
            ServiceProcess.sleep(RETRY);
        }
        throw new IllegalStateException("no answer to the create " + key + " within 90 s");
    }

    private void reportProgress(int worker, String commitment, String note) {
        try {
            TrackerClient.Response response = monitor.apply(worker).post("/api/commitments/" + commitment
                    + "/progress", """
                    {"status":"on-track","note":"%s"}""".formatted(note));
            count(response.status());
            if (response.status() == 200) {
                acks.add(ack(Kind.PROGRESS, response, note));
            }
        } catch (UncheckedIOException e) {
            lostAnswers.incrementAndGet();
            ServiceProcess.sleep(RETRY);
        }
    }

    private void count(int status) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    private static Ack ack(Kind kind, TrackerClient.Response response, String marker) {
        var answer = response.json();
        return new Ack(kind, answer.get("id").asText(), answer.get("version").asLong(),
                answer.get("position").asLong(), marker);
    }
}
