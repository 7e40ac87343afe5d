package dev.catapult.cli.support;

import dev.catapult.api.AppCreateRequest;
import dev.catapult.api.AppView;
import dev.catapult.api.DeployCreateRequest;
import dev.catapult.api.DeployView;
import dev.catapult.api.Problem;
import dev.catapult.api.ReleaseCreateRequest;
import dev.catapult.api.ReleaseView;
import dev.catapult.api.StatusEntry;
import dev.catapult.api.StatusView;
import dev.catapult.api.TargetView;
import dev.catapult.client.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/** The route table of {@link FakeCatapultServer}; called with the server's lock held. */
final class FakeRoutes {

    record Reply(int status, String body) {}

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final FakeCatapultServer state;

    FakeRoutes(FakeCatapultServer state) {
        this.state = state;
    }

    static Reply problem(int status, String detail) {
        return new Reply(status, Json.write(new Problem("about:blank", "Error", status, detail, null)));
    }

    Reply route(String method, List<String> path, Map<String, String> query, String body) {
        String route = method + " /" + String.join("/", path);
        if (path.size() >= 4 && path.get(0).equals("apps") && path.get(2).equals("targets")) {
            return target(method, path, body);
        }
        return switch (method + " " + path.size() + " " + path.get(0)) {
            case "POST 1 apps" ->
                created(FakeCatapultServer.created(Json.mapper().readValue(body, AppCreateRequest.class)));
            case "GET 1 apps" -> ok(state.page(new ArrayList<>(state.apps.values()), query));
            case "GET 2 apps" -> app(path.get(1));
            case "GET 3 apps" ->
                path.get(2).equals("releases") ? releases(path.get(1), query) : deploys(path.get(1), query);
            case "GET 4 apps" -> release(path.get(1), path.get(3));
            case "POST 3 apps" ->
                path.get(2).equals("releases") ? createRelease(path.get(1), body) : createDeploy(path.get(1), body);
            case "GET 2 deploys" -> advance(path.get(1));
            case "GET 1 status" -> status(query);
            case "GET 2 audit" -> ok(Json.write(state.verify));
            default -> problem(404, "no route " + route);
        };
    }

    private Reply app(String name) {
        AppView app = state.apps.get(name);
        return app == null ? problem(404, "app '" + name + "' not found") : ok(Json.write(app));
    }

    private List<ReleaseView> releasesOf(String app) {
        return state.releases.getOrDefault(app, List.of());
    }

    private Reply releases(String app, Map<String, String> query) {
        if (!state.apps.containsKey(app)) {
            return problem(404, "app '" + app + "' not found");
        }
        List<ReleaseView> newestFirst = new ArrayList<>(releasesOf(app));
        Collections.reverse(newestFirst);
        String contains = query.get("contains");
        if (contains != null) {
            newestFirst.removeIf(r -> r.commits() == null || !r.commits().contains(contains));
        }
        return ok(state.page(newestFirst, query));
    }

    private Reply release(String app, String which) {
        List<ReleaseView> list = releasesOf(app);
        if (which.equals("latest")) {
            return list.isEmpty() ? problem(404, "app '" + app + "' has no releases") : ok(Json.write(list.getLast()));
        }
        long version = Long.parseLong(which);
        return version < 1 || version > list.size()
                ? problem(404, "release " + version + " of app '" + app + "' not found")
                : ok(Json.write(list.get((int) version - 1)));
    }

    private Reply createRelease(String app, String body) {
        ReleaseCreateRequest request = FakeCatapultServer.releaseRequest(body);
        if (request.image() != null && !request.image().contains("@sha256:")) {
            return problem(400, "tag " + request.image() + " cannot be resolved");
        }
        List<ReleaseView> list = state.releases.computeIfAbsent(app, a -> new ArrayList<>());
        ReleaseView release = new ReleaseView(
                app,
                list.size() + 1,
                request.commit(),
                request.image(),
                null,
                "alice",
                request.changelog() == null ? "" : request.changelog(),
                request.commits(),
                "cli",
                "rev",
                Instant.EPOCH);
        list.add(release);
        return created(Json.write(release));
    }

    private Reply deploys(String app, Map<String, String> query) {
        List<DeployView> matching = new ArrayList<>(state.deploys.stream()
                .filter(d -> d.app().equals(app))
                .filter(d -> query.get("environment") == null || d.environment().equals(query.get("environment")))
                .filter(d -> query.get("status") == null || d.status().equals(query.get("status")))
                .toList());
        matching.sort(Comparator.comparing(DeployView::id).reversed());
        return ok(state.page(matching, query));
    }

    private Reply createDeploy(String app, String body) {
        DeployCreateRequest request = FakeCatapultServer.deployRequest(body);
        long version =
                request.version() != null ? request.version() : releasesOf(app).size();
        Long running = running(app, request.environment());
        if (running != null && version < running && !Boolean.TRUE.equals(request.rollback())) {
            return problem(
                    409,
                    "version " + version + " is older than the running " + running
                            + "; a rollback must set rollback: true");
        }
        String id = String.format("d%04d", state.deploys.size() + 1);
        List<String> script = state.deployScript;
        state.scripts.put(id, new ArrayList<>(script.subList(1, script.size())));
        DeployView deploy = new DeployView(
                id,
                app,
                request.environment(),
                version,
                running,
                "alice",
                request.reason() == null ? "manual" : request.reason(),
                Boolean.TRUE.equals(request.rollback()),
                script.getFirst(),
                null,
                "record",
                null,
                0,
                List.of(),
                List.of(),
                Instant.EPOCH,
                Instant.EPOCH,
                null);
        state.deploys.add(deploy);
        return new Reply(202, Json.write(deploy));
    }

    private Reply advance(String id) {
        for (int i = 0; i < state.deploys.size(); i++) {
            DeployView d = state.deploys.get(i);
            if (d.id().equals(id)) {
                List<String> script = state.scripts.getOrDefault(id, new ArrayList<>());
                if (!script.isEmpty()) {
                    String status = script.removeFirst();
                    d = new DeployView(
                            d.id(),
                            d.app(),
                            d.environment(),
                            d.version(),
                            d.previousVersion(),
                            d.actor(),
                            d.reason(),
                            d.rollback(),
                            status,
                            status.equals("failed") ? "container unhealthy" : null,
                            d.deployer(),
                            d.externalRef(),
                            d.requiredApprovals(),
                            d.approvals(),
                            d.history(),
                            d.createdAt(),
                            d.updatedAt(),
                            d.finishedAt());
                    state.deploys.set(i, d);
                }
                return ok(Json.write(d));
            }
        }
        return problem(404, "deploy " + id + " not found");
    }

    private Long running(String app, String environment) {
        return state.deploys.stream()
                .filter(d -> d.app().equals(app)
                        && d.environment().equals(environment)
                        && d.status().equals("succeeded"))
                .max(Comparator.comparing(DeployView::id))
                .map(DeployView::version)
                .orElse(null);
    }

    private Reply status(Map<String, String> query) {
        List<String> environments = state.deploys.stream()
                .map(DeployView::environment)
                .distinct()
                .sorted()
                .toList();
        List<StatusEntry> entries = new ArrayList<>();
        for (String app : state.apps.keySet().stream().sorted().toList()) {
            if (query.get("app") != null && !query.get("app").equals(app)) {
                continue;
            }
            for (String env : environments) {
                if (query.get("environment") != null
                        && !query.get("environment").equals(env)) {
                    continue;
                }
                Long version = running(app, env);
                long latest = releasesOf(app).size();
                entries.add(new StatusEntry(
                        app,
                        env,
                        latest,
                        version,
                        version == null ? null : "succeeded",
                        null,
                        null,
                        null,
                        version == null ? 0 : latest - version));
            }
        }
        return ok(Json.write(new StatusView(environments, entries)));
    }

    // Targets and their watch (SPEC §6): GET …/targets/{env}, PATCH …/watch, POST and DELETE …/watch/hold.
    private Reply target(String method, List<String> path, String body) {
        String key = path.get(1) + "/" + path.get(3);
        TargetView target = state.targets.get(key);
        String sub = String.join("/", path.subList(4, path.size()));
        String route = method + " " + sub;
        if (!route.equals("GET ")
                && !route.equals("PATCH watch")
                && !route.equals("POST watch/hold")
                && !route.equals("DELETE watch/hold")) {
            return problem(404, "no route " + method + " /" + String.join("/", path));
        }
        if (target == null) {
            return problem(404, "app '" + path.get(1) + "' has no target in environment '" + path.get(3) + "'");
        }
        Map<String, Object> watch =
                target.watch() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(target.watch());
        switch (route) {
            case "PATCH watch" -> {
                Object hold = watch.remove("hold");
                Object evaluation = watch.remove("lastEvaluation");
                Map<String, Object> changes = Json.mapper().readValue(body, MAP);
                watch.putAll(changes);
                watch.values().removeIf(v -> v == null);
                Object policy = watch.get("policy");
                if (policy == null
                        || !List.of("semver", "semver-major", "semver-minor", "semver-patch", "pinned", "regex")
                                .contains(policy)) {
                    return invalid("watch.policy", "'" + policy + "' is not a policy");
                }
                if (policy.equals("pinned") && watch.get("pinnedTag") == null) {
                    return invalid("watch.pinnedTag", "is required for the pinned policy");
                }
                watch.putIfAbsent("autoDeploy", false);
                watch.putIfAbsent("allowPrerelease", false);
                if (hold != null) {
                    watch.put("hold", hold);
                }
                if (evaluation != null) {
                    watch.put("lastEvaluation", evaluation);
                }
            }
            case "POST watch/hold" -> {
                Map<String, Object> request = Json.mapper().readValue(body, MAP);
                if (!(request.get("reason") instanceof String reason) || reason.isBlank()) {
                    return invalid("reason", "is required (at most 500 characters)");
                }
                Object until = request.get("until");
                if (until != null && !Instant.parse(until.toString()).isAfter(Instant.now())) {
                    return invalid("until", "must be in the future");
                }
                Map<String, Object> hold = new LinkedHashMap<>();
                hold.put("reason", reason);
                hold.put("until", until);
                hold.put("by", "alice");
                hold.put("at", Instant.now().toString());
                watch.put("hold", hold);
            }
            case "DELETE watch/hold" -> watch.remove("hold");
            default -> {
                return ok(Json.write(target));
            }
        }
        target = new TargetView(
                target.app(), target.environment(), target.deployer(), watch.isEmpty() ? null : watch, Instant.now());
        state.targets.put(key, target);
        return ok(Json.write(target));
    }

    private static Reply invalid(String field, String message) {
        return new Reply(
                400,
                Json.write(new Problem(
                        "about:blank",
                        "Bad Request",
                        400,
                        "invalid request",
                        List.of(new Problem.FieldError(field, message)))));
    }

    private static Reply ok(String json) {
        return new Reply(200, json);
    }

    private static Reply created(Object value) {
        return new Reply(201, value instanceof String text ? text : Json.write(value));
    }
}
