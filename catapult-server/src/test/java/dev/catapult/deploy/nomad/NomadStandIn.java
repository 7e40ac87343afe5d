package dev.catapult.deploy.nomad;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.catapult.testkit.http.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback stand-in for the Nomad HTTP API endpoints the deployer uses, answering like the documented ones
 * (fixtures under {@code fixtures/nomad/}, sources in their README): read and register a job (with
 * {@code EnforceIndex} check-and-set), read an evaluation and a deployment as blocking queries
 * ({@code ?index=&wait=}, {@code X-Nomad-Index}), plain-text errors. Evaluations and deployments move through
 * scripted {@link Step}s in real time from their first read. Every request is recorded.
 */
final class NomadStandIn implements AutoCloseable {
    static final String EVAL_ID = "d092fdc0-e1fd-2536-67d8-43af8ca798ac";
    static final String DEPLOYMENT_ID = "70638f62-5c19-193e-30d6-f9d6e689ab8e";
    private static final Pattern WAIT = Pattern.compile("(\\d+)(ms|s|m)");
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** One state of an evaluation or deployment and how long it lasts (the last lasts for ever). */
    record Step(String status, String description, Duration lasts, Map<String, Object> fields) {
        static Step of(String status, String description, Duration lasts) {
            return new Step(status, description, lasts, Map.of());
        }

        static Step of(String status, String description) {
            return of(status, description, Duration.ZERO);
        }

        Step with(String field, Object value) {
            Map<String, Object> more = new LinkedHashMap<>(fields);
            more.put(field, value);
            return new Step(status, description, lasts, more);
        }
    }

    /** A request as it arrived. */
    record Seen(
            String method,
            String path,
            Map<String, String> query,
            @Nullable String token,
            String body,
            long atNanos) {}

    private record Fault(int status, String body) {}

    private final HttpServer server = LoopbackServer.start(this::handle);
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedDeque<Fault>> faults = new ConcurrentHashMap<>();
    private volatile @Nullable ObjectNode job = fixture("job.json");
    private volatile ObjectNode registerResponse = fixture("register-response.json");
    private volatile Timeline evaluation = new Timeline(fixture("evaluation.json"), List.of(Step.of("complete", "")));
    private volatile Timeline deployment = new Timeline(
            fixture("deployment.json"), List.of(Step.of("successful", "Deployment completed successfully")));
    private volatile boolean blocking = true;
    private volatile boolean changeJobBeforeRegister;

    private NomadStandIn() {}

    static NomadStandIn start() {
        return new NomadStandIn();
    }

    static ObjectNode fixture(String name) {
        try (InputStream in = NomadStandIn.class.getResourceAsStream("/fixtures/nomad/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return LoopbackServer.url(server);
    }

    NomadStandIn evaluation(Step... steps) {
        evaluation = new Timeline(fixture("evaluation.json"), List.of(steps));
        return this;
    }

    NomadStandIn deployment(Step... steps) {
        deployment = new Timeline(fixture("deployment.json"), List.of(steps));
        return this;
    }

    NomadStandIn job(@Nullable ObjectNode job) {
        this.job = job;
        return this;
    }

    NomadStandIn registerAnswers(String field, Object value) {
        ObjectNode answer = registerResponse.deepCopy();
        answer.set(field, JSON.valueToTree(value));
        registerResponse = answer;
        return this;
    }

    /** Answers like a proxy that ignores blocking queries: at once, every time. */
    NomadStandIn notBlocking() {
        blocking = false;
        return this;
    }

    /** The next {@code times} requests to {@code method path} get this plain-text error. */
    NomadStandIn fail(String method, String path, int status, String body, int times) {
        ConcurrentLinkedDeque<Fault> queue =
                faults.computeIfAbsent(method + " " + path, k -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Fault(status, body));
        }
        return this;
    }

    /** Someone else changes the job just before the next register arrives (its JobModifyIndex moves on). */
    NomadStandIn changeJobBeforeNextRegister() {
        changeJobBeforeRegister = true;
        return this;
    }

    @Nullable
    ObjectNode storedJob() {
        return job;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    List<Seen> seen(String method, String path) {
        return seen.stream()
                .filter(s -> s.method().equals(method) && s.path().equals(path))
                .toList();
    }

    /** The bodies of every register request, parsed. */
    List<JsonNode> registrations() {
        return seen.stream()
                .filter(s -> s.method().equals("POST"))
                .map(s -> JSON.readTree(s.body()))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> query = query(uri.getRawQuery());
            seen.add(new Seen(
                    method,
                    uri.getPath(),
                    query,
                    exchange.getRequestHeaders().getFirst("X-Nomad-Token"),
                    body,
                    System.nanoTime()));
            Fault fault = faults.getOrDefault(method + " " + uri.getPath(), new ConcurrentLinkedDeque<>())
                    .poll();
            if (fault != null) {
                text(exchange, fault.status(), fault.body());
                return;
            }
            String path = uri.getPath();
            if (path.startsWith("/v1/job/") && method.equals("GET")) {
                readJob(exchange, query);
            } else if (path.startsWith("/v1/job/") && method.equals("POST")) {
                register(exchange, body);
            } else if (path.equals("/v1/evaluation/" + evaluation.id()) && method.equals("GET")) {
                watch(exchange, evaluation, query);
            } else if (path.equals("/v1/deployment/" + deployment.id()) && method.equals("GET")) {
                watch(exchange, deployment, query);
            } else if (path.startsWith("/v1/evaluation/")) {
                text(exchange, 404, "eval not found");
            } else if (path.startsWith("/v1/deployment/")) {
                text(exchange, 404, "deployment not found");
            } else {
                text(exchange, 404, "Invalid URL path");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client hung up (timeouts and interrupts are tested); nothing to answer
        }
    }

    private void readJob(HttpExchange exchange, Map<String, String> query) throws IOException {
        ObjectNode current = job;
        String namespace = query.getOrDefault("namespace", "default");
        if (current == null || !namespace.equals(current.path("Namespace").asString())) {
            text(exchange, 404, "job not found");
            return;
        }
        json(exchange, 200, current, current.path("ModifyIndex").asLong());
    }

    private synchronized void register(HttpExchange exchange, String body) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(body);
        ObjectNode current = job;
        if (changeJobBeforeRegister && current != null) {
            changeJobBeforeRegister = false;
            current = current.deepCopy();
            current.put("JobModifyIndex", current.path("JobModifyIndex").asLong() + 1);
            job = current;
        }
        long enforced = request.path("JobModifyIndex").asLong();
        if (request.path("EnforceIndex").asBoolean()
                && current != null
                && enforced != current.path("JobModifyIndex").asLong()) {
            text(
                    exchange,
                    500,
                    "Enforcing job modify index " + enforced + ": job exists with conflicting job modify index: "
                            + current.path("JobModifyIndex").asLong());
            return;
        }
        // What Nomad keeps: the job as sent, a new version and index, and never the tokens.
        ObjectNode stored = ((ObjectNode) request.path("Job")).deepCopy();
        long index = registerResponse.path("JobModifyIndex").asLong();
        stored.put("JobModifyIndex", index)
                .put("ModifyIndex", index)
                .put("Version", stored.path("Version").asLong() + 1)
                .put("VaultToken", "")
                .put("ConsulToken", "");
        job = stored;
        ObjectNode answer = registerResponse.deepCopy();
        answer.put("EvalID", answer.path("EvalID").asString().isEmpty() ? "" : evaluation.id());
        json(exchange, 200, answer, index);
    }

    private void watch(HttpExchange exchange, Timeline timeline, Map<String, String> query)
            throws IOException, InterruptedException {
        long index = Long.parseLong(query.getOrDefault("index", "0"));
        int step = timeline.stepNow();
        if (blocking && index > 0 && index >= timeline.index(step)) {
            long until = Math.min(timeline.changesAt(step), System.nanoTime() + waitNanos(query.get("wait")));
            long sleep = until - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(Duration.ofNanos(sleep));
            }
            step = timeline.stepNow();
        }
        json(exchange, 200, timeline.render(step), timeline.index(step));
    }

    private static long waitNanos(@Nullable String wait) {
        Matcher m = wait == null ? null : WAIT.matcher(wait);
        if (m == null || !m.matches()) {
            return Duration.ofMinutes(5).toNanos();
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
        return Math.min(d.toNanos(), Duration.ofMinutes(10).toNanos());
    }

    private static Map<String, String> query(@Nullable String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                out.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return out;
    }

    private static void json(HttpExchange exchange, int status, JsonNode body, long index) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("X-Nomad-Index", Long.toString(index));
        exchange.getResponseHeaders().set("X-Nomad-KnownLeader", "true");
        exchange.getResponseHeaders().set("X-Nomad-LastContact", "0");
        send(exchange, status, JSON.writeValueAsBytes(body));
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Scripted states of one object, starting at its first read. */
    private static final class Timeline {
        private final ObjectNode base;
        private final List<Step> steps;
        private final long baseIndex;
        private long startNanos = -1;

        Timeline(ObjectNode base, List<Step> steps) {
            this.base = base;
            this.steps = new ArrayList<>(steps);
            this.baseIndex = base.path("ModifyIndex").asLong();
        }

        String id() {
            return base.path("ID").asString();
        }

        synchronized int stepNow() {
            long now = System.nanoTime();
            if (startNanos < 0) {
                startNanos = now;
            }
            int step = 0;
            while (step < steps.size() - 1 && now >= changesAt(step)) {
                step++;
            }
            return step;
        }

        synchronized long changesAt(int step) {
            if (step >= steps.size() - 1) {
                return Long.MAX_VALUE;
            }
            long at = startNanos;
            for (int i = 0; i <= step; i++) {
                at += steps.get(i).lasts().toNanos();
            }
            return at;
        }

        long index(int step) {
            return baseIndex + step;
        }

        ObjectNode render(int step) {
            Step s = steps.get(step);
            ObjectNode node = base.deepCopy();
            node.put("Status", s.status())
                    .put("StatusDescription", s.description())
                    .put("ModifyIndex", index(step));
            s.fields()
                    .forEach((field, value) ->
                            node.set(field, value instanceof JsonNode j ? j : JSON.valueToTree(value)));
            return node;
        }
    }
}
