package dev.catapult.cli.concourse;

import dev.catapult.client.ApiPath;
import dev.catapult.client.CatapultClient;
import dev.catapult.client.Json;
import dev.catapult.client.Pages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code check}: the given version if it still exists and every newer one, oldest first; with no version,
 * only the latest. Returning every version (not just the newest) is what lets Concourse run a job per
 * release. Both lists are newest first on the server, so paging stops at the given version.
 */
final class VersionCheck {

    private VersionCheck() {}

    static ArrayNode run(CatapultClient api, ConcourseSource source, ConcourseRequest request) {
        List<Map<String, String>> versions = source.kind() == ConcourseSource.Kind.RELEASE
                ? releases(api, source.app(), request.versionField("version"))
                : deploys(api, source, request.versionField("id"));
        ArrayNode result = Json.mapper().createArrayNode();
        versions.forEach(version -> result.add(Json.tree(version)));
        return result;
    }

    private static List<Map<String, String>> releases(CatapultClient api, String app, @Nullable String since) {
        Long from = since == null ? null : parse(since);
        List<Long> found = new ArrayList<>();
        for (JsonNode release : Pages.of(api, ApiPath.of("apps", app, "releases"))) {
            long version = release.path("version").asLong();
            if (from == null) {
                found.add(version);
                break;
            }
            if (version < from) {
                break;
            }
            found.add(version);
        }
        return found.stream()
                .sorted()
                .map(v -> Map.of("version", Long.toString(v)))
                .toList();
    }

    private static List<Map<String, String>> deploys(
            CatapultClient api, ConcourseSource source, @Nullable String since) {
        ApiPath path = ApiPath.of("apps", source.app(), "deploys")
                .query("environment", source.environment())
                .query("status", "succeeded");
        List<String> found = new ArrayList<>();
        for (JsonNode deploy : Pages.of(api, path)) {
            if (!deploy.path("status").asString().equals("succeeded")
                    || !source.environment().equals(deploy.path("environment").asString(source.environment()))) {
                continue;
            }
            String id = deploy.path("id").asString();
            if (since != null && id.compareTo(since) < 0) {
                break;
            }
            found.add(id);
            if (since == null) {
                break;
            }
        }
        return found.stream()
                .sorted(Comparator.naturalOrder())
                .map(id -> Map.of("id", id))
                .toList();
    }

    // A version Concourse remembers from before may be garbage after a resource config change; treat it as
    // "no version" rather than failing every check forever.
    private static @Nullable Long parse(String version) {
        try {
            return Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
