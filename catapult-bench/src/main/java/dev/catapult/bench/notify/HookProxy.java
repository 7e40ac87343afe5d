package dev.catapult.bench.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.catapult.bench.CatapultClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The registry's notification endpoint: a small HTTP proxy on 127.0.0.1 between the registry and the
 * server's {@code /hooks/registry/{name}}. It forwards every delivery unchanged (body, content type, the
 * registry's {@code Authorization} header) and answers the registry with the server's status and body.
 * For every manifest push event with a tag it records when the delivery that carried it was forwarded —
 * the moment the server receives the notification, as far as the driver can see it — keyed by
 * {@code repository:tag}. Nothing is recorded for deliveries the server did not take (not 2xx): the
 * registry retries those and the retry's forward time is the one that counts, the failures are counted.
 */
final class HookProxy implements AutoCloseable {
    /** When one tagged manifest push was forwarded, and what the server answered. */
    record Forward(
            String repository,
            String tag,
            String digest,
            Instant registryTimestamp,
            Instant receivedAt,
            Instant forwardedAt,
            Instant answeredAt,
            int status,
            String answer) {}

    /** Counters over all deliveries. */
    record Totals(
            long deliveries,
            long events,
            long manifestPushes,
            long notOk,
            long failed,
            long maxEventsPerDelivery,
            double meanForwardMs,
            double maxForwardMs) {}

    private final HttpServer server;
    private final HttpClient http;
    private final ExecutorService executor;
    private volatile @Nullable URI target;
    private final Map<String, Forward> forwards = new ConcurrentHashMap<>();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong manifestPushes = new AtomicLong();
    private final AtomicLong notOk = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong maxEvents = new AtomicLong();
    private final AtomicLong forwardNanos = new AtomicLong();
    private final AtomicLong maxForwardNanos = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();

    private HookProxy(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    static HookProxy start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "hook-proxy");
            t.setDaemon(true);
            return t;
        });
        HookProxy proxy = new HookProxy(server, executor);
        server.createContext("/", proxy::handle);
        server.setExecutor(executor);
        server.start();
        return proxy;
    }

    /** Where the registry sends notifications. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/notify");
    }

    /** Where deliveries go from now on (the server's hook); until set, the registry gets 503s. */
    void forwardTo(URI hook) {
        if (!"127.0.0.1".equals(hook.getHost())) {
            throw new IllegalArgumentException("the benchmark only targets 127.0.0.1, not " + hook);
        }
        this.target = hook;
    }

    Optional<Forward> forward(String repository, String tag) {
        return Optional.ofNullable(forwards.get(repository + ":" + tag));
    }

    Totals totals() {
        long d = deliveries.get();
        return new Totals(
                d,
                events.get(),
                manifestPushes.get(),
                notOk.get(),
                failed.get(),
                maxEvents.get(),
                d == 0 ? Double.NaN : forwardNanos.get() / 1e6 / d,
                maxForwardNanos.get() / 1e6);
    }

    /** Manifest push events seen again for a tag already forwarded (registry redeliveries). */
    long redeliveries() {
        return duplicates.get();
    }

    /** Events seen, by action, target media type and whether they name a tag. */
    Map<String, Long> eventKinds() {
        Map<String, Long> out = new java.util.TreeMap<>();
        kinds.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant receivedAt = Instant.now();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            deliveries.incrementAndGet();
            URI hook = target;
            if (hook == null) {
                reply(exchange, 503, "{\"error\":\"catapult not started yet\"}".getBytes());
                return;
            }
            List<JsonNode> pushes = new ArrayList<>();
            try {
                JsonNode root = CatapultClient.JSON.readTree(body);
                int n = 0;
                for (JsonNode e : root.path("events")) {
                    n++;
                    JsonNode t = e.path("target");
                    kinds.computeIfAbsent(
                                    e.path("action").asString("?") + " "
                                            + t.path("mediaType").asString("?")
                                            + (t.path("tag").isString() ? " (tagged)" : ""),
                                    k -> new AtomicLong())
                            .incrementAndGet();
                    if ("push".equals(e.path("action").asString(""))
                            && t.path("tag").isString()
                            && t.path("mediaType").asString("").contains("manifest")) {
                        pushes.add(e);
                    }
                }
                events.addAndGet(n);
                maxEvents.accumulateAndGet(n, Math::max);
            } catch (RuntimeException e) {
                note("unparsable delivery: " + e.getMessage());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(hook)
                    .timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            copyHeader(exchange, request, "Authorization");
            copyHeader(exchange, request, "Content-Type");
            Instant forwardedAt = Instant.now();
            long f0 = System.nanoTime();
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                failed.incrementAndGet();
                note("forwarding failed: " + e);
                reply(exchange, 502, new byte[0]);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply(exchange, 503, new byte[0]);
                return;
            }
            long took = System.nanoTime() - f0;
            Instant answeredAt = Instant.now();
            forwardNanos.addAndGet(took);
            maxForwardNanos.accumulateAndGet(took, Math::max);
            int status = answer.statusCode();
            String text = new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
            if (status / 100 != 2) {
                notOk.incrementAndGet();
                note("server answered " + status + ": " + text.substring(0, Math.min(200, text.length())));
            } else {
                for (JsonNode e : pushes) {
                    JsonNode t = e.path("target");
                    String key = t.path("repository").asString() + ":"
                            + t.path("tag").asString();
                    Instant stamp;
                    try {
                        stamp = Instant.parse(e.path("timestamp").asString(""));
                    } catch (RuntimeException unparsable) {
                        stamp = receivedAt;
                    }
                    Forward fw = new Forward(
                            t.path("repository").asString(),
                            t.path("tag").asString(),
                            t.path("digest").asString(""),
                            stamp,
                            receivedAt,
                            forwardedAt,
                            answeredAt,
                            status,
                            text.length() > 300 ? text.substring(0, 300) : text);
                    manifestPushes.incrementAndGet();
                    if (forwards.putIfAbsent(key, fw) != null) {
                        duplicates.incrementAndGet();
                    }
                }
            }
            reply(exchange, status, answer.body());
        } catch (RuntimeException e) {
            note("proxy error: " + e);
            throw e;
        }
    }

    private void note(String problem) {
        synchronized (problems) {
            if (problems.size() < 20) {
                problems.add(problem);
            }
        }
    }

    private static void copyHeader(HttpExchange exchange, HttpRequest.Builder request, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        if (value != null) {
            request.header(name, value);
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        http.close();
    }
}
