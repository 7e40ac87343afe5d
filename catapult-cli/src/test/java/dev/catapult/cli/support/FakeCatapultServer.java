package dev.catapult.cli.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.catapult.api.AppCreateRequest;
import dev.catapult.api.AppView;
import dev.catapult.api.AuditVerifyView;
import dev.catapult.api.DeployCreateRequest;
import dev.catapult.api.DeployView;
import dev.catapult.api.Page;
import dev.catapult.api.Problem;
import dev.catapult.api.ReleaseCreateRequest;
import dev.catapult.api.ReleaseView;
import dev.catapult.api.TargetView;
import dev.catapult.client.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory stand-in for the SPEC §3 routes the CLI uses, answering with the catapult-api wire records,
 * bearer-token auth, problem+json errors and {@code ?limit=&cursor=} pagination. The real server is
 * exercised by the e2e module; this one makes CLI behaviour testable in milliseconds.
 */
public final class FakeCatapultServer implements AutoCloseable {

    public static final String TOKEN = "test-token";

    final Map<String, AppView> apps = new HashMap<>();
    final Map<String, List<ReleaseView>> releases = new HashMap<>();
    final List<DeployView> deploys = new ArrayList<>();
    final Map<String, List<String>> scripts = new HashMap<>();
    final Map<String, Problem> forced = new HashMap<>();
    /** Targets by {@code app/env}, for the watch routes. */
    final Map<String, TargetView> targets = new HashMap<>();

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final FakeRoutes routes = new FakeRoutes(this);
    List<String> deployScript = List.of("queued", "succeeded");
    AuditVerifyView verify = new AuditVerifyView(true, 3, null, null);
    int pageSize = 0;

    /** One request as the server received it. */
    public record Recorded(String method, String path, String query, Map<String, String> headers, String body) {}

    private FakeCatapultServer(HttpServer server) {
        this.server = server;
    }

    public static FakeCatapultServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeCatapultServer fake = new FakeCatapultServer(http);
            http.createContext("/", fake::handle);
            http.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized AppView addApp(String name, String image) {
        AppView app =
                new AppView(name, image, null, null, Map.of(), "ref-{sha}", false, 0, Instant.EPOCH, Instant.EPOCH);
        apps.put(name, app);
        return app;
    }

    public synchronized ReleaseView addRelease(String app, String commit, List<String> commits) {
        List<ReleaseView> list = releases.computeIfAbsent(app, a -> new ArrayList<>());
        long version = list.size() + 1;
        ReleaseView release = new ReleaseView(
                app,
                version,
                commit,
                "reg/" + app + "@sha256:" + "ab".repeat(32),
                null,
                "alice",
                "changes of v" + version,
                commits,
                "cli",
                "rev" + version,
                Instant.parse("2025-01-01T00:00:00Z").plusSeconds(version));
        list.add(release);
        return release;
    }

    public synchronized DeployView addDeploy(String app, String environment, long version, String status) {
        DeployView deploy = new DeployView(
                String.format("d%04d", deploys.size() + 1),
                app,
                environment,
                version,
                null,
                "alice",
                "manual",
                false,
                status,
                null,
                "record",
                null,
                0,
                List.of(),
                List.of(),
                Instant.EPOCH,
                Instant.EPOCH,
                null);
        deploys.add(deploy);
        return deploy;
    }

    /** A target of {@code app} in {@code environment} with a record deployer and this watch (may be null). */
    public synchronized TargetView addTarget(String app, String environment, Map<String, Object> watch) {
        TargetView target = new TargetView(app, environment, Map.of("type", "record"), watch, Instant.EPOCH);
        targets.put(app + "/" + environment, target);
        return target;
    }

    public synchronized TargetView target(String app, String environment) {
        return targets.get(app + "/" + environment);
    }

    /** Every deploy created from now on goes through these statuses, one per GET of the deploy. */
    public synchronized void scriptDeploys(String... statuses) {
        deployScript = List.of(statuses);
    }

    /** Requests matching {@code METHOD /api/v1/...} (prefix) answer with this problem. */
    public synchronized void failWith(String method, String pathPrefix, int status, String detail) {
        failWith(method, pathPrefix, new Problem("about:blank", "Error", status, detail, null));
    }

    public synchronized void failWith(String method, String pathPrefix, Problem problem) {
        forced.put(method + " " + pathPrefix, problem);
    }

    public synchronized void auditVerify(AuditVerifyView view) {
        verify = view;
    }

    /** Serve lists in pages of this size, so pagination is exercised. */
    public synchronized void pageSize(int size) {
        pageSize = size;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public List<Recorded> requests(String method, String pathPrefix) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        requests.add(new Recorded(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), headers, body));
        FakeRoutes.Reply reply;
        if (!("Bearer " + TOKEN).equals(headers.get("authorization"))) {
            reply = FakeRoutes.problem(401, "missing or invalid token");
        } else {
            synchronized (this) {
                reply = forcedReply(exchange.getRequestMethod(), uri.getPath());
                if (reply == null) {
                    reply = routes.route(
                            exchange.getRequestMethod(), segments(uri.getPath()), query(uri.getRawQuery()), body);
                }
            }
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", reply.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private FakeRoutes.Reply forcedReply(String method, String path) {
        for (Map.Entry<String, Problem> entry : forced.entrySet()) {
            if ((method + " " + path).startsWith(entry.getKey())) {
                Problem problem = entry.getValue();
                return new FakeRoutes.Reply(problem.status(), Json.write(problem));
            }
        }
        return null;
    }

    private static List<String> segments(String path) {
        String rest = path.startsWith("/api/v1/") ? path.substring("/api/v1/".length()) : path;
        return Arrays.stream(rest.split("/"))
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
                .toList();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    <T> String page(List<T> newestFirst, Map<String, String> query) {
        int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
        if (pageSize > 0) {
            limit = Math.min(limit, pageSize);
        }
        int start = Integer.parseInt(query.getOrDefault("cursor", "0"));
        int end = Math.min(newestFirst.size(), start + limit);
        String next = end < newestFirst.size() ? Integer.toString(end) : null;
        return Json.write(new Page<>(newestFirst.subList(start, end), next));
    }

    static AppView created(AppCreateRequest request) {
        return new AppView(
                request.name(),
                request.image(),
                request.repoUrl(),
                request.team(),
                Map.of(),
                request.imageTagTemplate() == null ? "ref-{sha}" : request.imageTagTemplate(),
                false,
                0,
                Instant.EPOCH,
                Instant.EPOCH);
    }

    static ReleaseCreateRequest releaseRequest(String body) {
        return Json.mapper().readValue(body, ReleaseCreateRequest.class);
    }

    static DeployCreateRequest deployRequest(String body) {
        return Json.mapper().readValue(body, DeployCreateRequest.class);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
