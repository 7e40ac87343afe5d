package dev.catapult.cli.concourse;

import dev.catapult.api.DeployView;
import dev.catapult.api.ReleaseView;
import dev.catapult.cli.CliException;
import dev.catapult.client.ApiPath;
import dev.catapult.client.CatapultClient;
import dev.catapult.client.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code in}: fetches the release (or the deploy and its release) and writes the files later steps use —
 * {@code version}, {@code commit}, {@code image-id}, {@code git-tag} for tagging, {@code docker_labels.json}
 * for image builds, {@code message.json} for chat notifications.
 */
final class ConcourseIn {

    private ConcourseIn() {}

    static JsonNode run(CatapultClient api, ConcourseRequest request, Path destination) {
        ConcourseSource source = request.source();
        DeployView deploy = null;
        long version;
        if (source.kind() == ConcourseSource.Kind.DEPLOY) {
            String id = request.versionField("id");
            if (id == null) {
                throw CliException.usage("version.id is required");
            }
            deploy = Json.convert(api.get(ApiPath.of("deploys", id)), DeployView.class);
            version = deploy.version();
        } else {
            String text = request.versionField("version");
            if (text == null) {
                throw CliException.usage("version.version is required");
            }
            version = Long.parseLong(text.strip());
        }
        JsonNode releaseJson = api.get(ApiPath.of("apps", source.app(), "releases", version));
        ReleaseView release = Json.convert(releaseJson, ReleaseView.class);
        write(destination, release, releaseJson, deploy);
        return ConcourseOutput.of(request.version(), metadata(release, deploy));
    }

    private static void write(Path dir, ReleaseView release, JsonNode releaseJson, @Nullable DeployView deploy) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("release.json"), Json.pretty(releaseJson), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("version"), Long.toString(release.version()), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("commit"), release.commit(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("image-id"), digest(release.image()), StandardCharsets.UTF_8);
            Files.writeString(
                    dir.resolve("changelog"),
                    release.changelog() == null ? "" : release.changelog(),
                    StandardCharsets.UTF_8);
            Files.writeString(
                    dir.resolve("environment"), deploy == null ? "" : deploy.environment(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("git-tag"), release.app() + "-v" + release.version(), StandardCharsets.UTF_8);
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("org.opencontainers.image.version", Long.toString(release.version()));
            labels.put("org.opencontainers.image.revision", release.commit());
            Files.writeString(dir.resolve("docker_labels.json"), Json.pretty(labels), StandardCharsets.UTF_8);
            ObjectNode message = Json.mapper().createObjectNode();
            message.put("text", summary(release, deploy));
            Files.writeString(dir.resolve("message.json"), Json.pretty(message), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The digest part of {@code repo@sha256:…}; empty for a release without an image. */
    static String digest(@Nullable String image) {
        if (image == null) {
            return "";
        }
        int at = image.indexOf('@');
        return at < 0 ? "" : image.substring(at + 1);
    }

    static String summary(ReleaseView release, @Nullable DeployView deploy) {
        String sha = release.commit().substring(0, Math.min(7, release.commit().length()));
        String head = release.app() + " v" + release.version() + " (" + sha + ")";
        if (deploy != null) {
            return head + " deployed to " + deploy.environment() + " by " + deploy.actor() + ": " + deploy.status();
        }
        String changelog =
                release.changelog() == null ? "" : release.changelog().strip();
        return head + " released by " + release.author() + (changelog.isEmpty() ? "" : "\n" + changelog);
    }

    private static Map<String, String> metadata(ReleaseView release, @Nullable DeployView deploy) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("app", release.app());
        metadata.put("version", Long.toString(release.version()));
        metadata.put("commit", release.commit());
        metadata.put("image", release.image() == null ? "" : release.image());
        metadata.put("author", release.author());
        if (deploy != null) {
            metadata.put("environment", deploy.environment());
            metadata.put("deploy", deploy.id());
            metadata.put("status", deploy.status());
        }
        return metadata;
    }
}
