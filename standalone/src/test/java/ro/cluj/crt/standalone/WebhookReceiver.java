package ro.cluj.crt.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A partner platform in the test: an HTTP server on 127.0.0.1 that records every request to each of its paths and
 * answers them with the status codes queued for that path (200 once the queue is empty).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String path, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code path} are answered with these codes, in order. */
    void answer(String path, Integer... codes) {
        answers.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(codes));
    }

    synchronized List<Received> at(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    synchronized int total() {
        return received.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
        String path = exchange.getRequestURI().getPath();
        synchronized (this) {
            received.add(new Received(path, headers, body));
        }
        Deque<Integer> queued = answers.get(path);
        Integer code = queued == null ? null : queued.poll();
        exchange.sendResponseHeaders(code == null ? 200 : code, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
