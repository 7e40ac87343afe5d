package dev.catapult.cli.concourse;

import dev.catapult.api.AppView;
import dev.catapult.api.DeployCreateRequest;
import dev.catapult.api.ReleaseCreateRequest;
import dev.catapult.cli.CliException;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.deploy.DeployWaiter;
import dev.catapult.cli.deploy.DurationConverter;
import dev.catapult.cli.output.Output;
import dev.catapult.cli.release.IdempotencyKey;
import dev.catapult.cli.release.ReleaseVersions;
import dev.catapult.client.ApiPath;
import dev.catapult.client.CatapultClient;
import dev.catapult.client.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code out}: creates a release ({@code commit|commit_file}, {@code image|image_file|no_image},
 * {@code changelog_file}) or a deploy ({@code version|version_file}, {@code rollback}, {@code timeout}) and
 * prints the version {@code check} reports for it. A deploy is followed to its end because {@code check}
 * only reports succeeded deploys: emitting a version that later fails would name one check never shows.
 */
final class ConcourseOut {

    private ConcourseOut() {}

    static JsonNode run(CatapultClient api, ConcourseRequest request, Path sources, Output log) {
        Params params = new Params(request.params(), sources);
        return request.source().kind() == ConcourseSource.Kind.RELEASE
                ? release(api, request.source(), params, log)
                : deploy(api, request.source(), params, log);
    }

    private static JsonNode release(CatapultClient api, ConcourseSource source, Params params, Output log) {
        String commit = params.value("commit", "commit_file");
        if (commit == null) {
            throw CliException.usage("params.commit or params.commit_file is required");
        }
        boolean noImage = params.flag("no_image");
        String image = noImage ? null : params.value("image", "image_file");
        if (!noImage && image == null) {
            AppView app = Json.convert(api.get(ApiPath.of("apps", source.app())), AppView.class);
            image = app.image() + ":" + app.imageTagTemplate().replace("{sha}", commit);
        }
        String changelogFile = params.value("changelog_file", null);
        String changelog = changelogFile == null ? null : params.read(changelogFile);
        long previous = api.find(ApiPath.of("apps", source.app(), "releases", "latest"))
                .map(release -> release.path("version").asLong())
                .orElse(0L);
        ReleaseCreateRequest body =
                new ReleaseCreateRequest(commit, image, null, changelog, null, noImage ? Boolean.TRUE : null);
        String key = IdempotencyKey.of(source.app(), commit, image, previous);
        JsonNode created = api.post(ApiPath.of("apps", source.app(), "releases"), body, Map.of("Idempotency-Key", key));
        String version = Long.toString(created.path("version").asLong());
        log.notice("created release " + source.app() + " v" + version);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("app", source.app());
        metadata.put("commit", commit);
        metadata.put("image", created.path("image").asString(""));
        return ConcourseOutput.of(Json.tree(Map.of("version", version)), metadata);
    }

    private static JsonNode deploy(CatapultClient api, ConcourseSource source, Params params, Output log) {
        String versionText = params.value("version", "version_file");
        Long version = versionText == null ? null : ReleaseVersions.parse(versionText);
        boolean rollback = params.flag("rollback");
        String timeoutText = params.value("timeout", null);
        Duration timeout = DurationConverter.parse(timeoutText == null ? "10m" : timeoutText);
        DeployCreateRequest body = new DeployCreateRequest(
                source.environment(), version, rollback ? Boolean.TRUE : null, rollback ? "rollback" : null, null);
        JsonNode accepted = api.post(ApiPath.of("apps", source.app(), "deploys"), body);
        JsonNode done = new DeployWaiter(api, log).await(accepted, timeout);
        String status = done.path("status").asString();
        if (!status.equals("succeeded")) {
            throw new CliException(
                    ExitCodes.FAILED,
                    "deploy " + done.path("id").asString() + " " + status + ": "
                            + done.path("message").asString(""));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("app", source.app());
        metadata.put("environment", source.environment());
        metadata.put("version", Long.toString(done.path("version").asLong()));
        return ConcourseOutput.of(Json.tree(Map.of("id", done.path("id").asString())), metadata);
    }

    /** {@code params}, where {@code x_file} names a file (relative to the sources dir) holding {@code x}. */
    private record Params(JsonNode node, Path sources) {

        @Nullable
        String value(String name, @Nullable String fileName) {
            JsonNode direct = node.path(name);
            if (!direct.isMissingNode() && !direct.isNull()) {
                String text = direct.asString().strip();
                return text.isEmpty() ? null : text;
            }
            String file = fileName == null ? null : node.path(fileName).asString(null);
            return file == null ? null : read(file).strip();
        }

        boolean flag(String name) {
            return node.path(name).asBoolean(false);
        }

        String read(String relative) {
            Path file = sources.resolve(relative);
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliException.usage("cannot read " + file + ": " + e.getMessage());
            }
        }
    }
}
