package dev.catapult.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.client.Json;
import dev.catapult.client.RawResponse;
import dev.catapult.testkit.database.TestDatabase;
import dev.catapult.testkit.server.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * {@code catapult concourse check|in|out} driven the way Concourse drives a resource: the request JSON on
 * stdin ({@code source}, {@code version}, {@code params}), the answer JSON on stdout, files in the
 * directory given as argument. Credentials come only from {@code source}: the CLI runs without
 * {@code CATAPULT_SERVER}/{@code CATAPULT_TOKEN} or a config file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliConcourseTest {
    private static final String ENV = "ci-dev";
    private static final String OTHER_ENV = "ci-staging";

    private ServerProcess server;
    private CliSession admin;
    private final CliSession worker = CliSession.unconfigured();
    private int shaSeed;

    @BeforeAll
    void startServer() {
        server = Servers.start(TestDatabase.fresh(), Map.of());
        admin = CliSession.against(server.url(), Servers.ADMIN_TOKEN);
        admin.ok("env", "create", ENV, "--rank", "10");
        admin.ok("env", "create", OTHER_ENV, "--rank", "20");
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // --- kind: release -----------------------------------------------------------------------------------

    @Test
    void checkWithoutAVersionReturnsOnlyTheLatestRelease() {
        String app = newApp("cc-check-latest");
        for (int i = 0; i < 3; i++) {
            release(app, null, "change " + i);
        }

        JsonNode versions = check(releaseSource(app), null);

        assertThat(versions.values()).containsExactly(version("3"));
    }

    @Test
    void checkReturnsTheGivenReleaseAndEveryNewerOneOldestFirst() {
        String app = newApp("cc-check-since");
        for (int i = 0; i < 5; i++) {
            release(app, null, "change " + i);
        }

        JsonNode versions = check(releaseSource(app), Map.of("version", "2"));

        assertThat(versions.values()).containsExactly(version("2"), version("3"), version("4"), version("5"));
    }

    @Test
    void checkOfTheLatestReleaseReturnsJustIt() {
        String app = newApp("cc-check-current");
        release(app, null, "one");
        release(app, null, "two");

        assertThat(check(releaseSource(app), Map.of("version", "2")).values()).containsExactly(version("2"));
    }

    @Test
    void checkOfAnAppWithoutReleasesReturnsAnEmptyList() {
        String app = newApp("cc-check-empty");

        JsonNode versions = check(releaseSource(app), null);

        assertThat(versions.isArray()).isTrue();
        assertThat(versions.values()).isEmpty();
    }

    @Test
    void inWritesTheReleaseFilesSpecSection4Lists() throws IOException {
        String app = newApp("cc-in-release");
        release(app, null, "first");
        String sha = nextSha();
        String digest = "sha256:" + "c".repeat(64);
        JsonNode v2 = release(
                app,
                "registry.example.test/shop/" + app + "@" + digest,
                sha,
                "abc1234 Fix checkout (Ada)\ndef5678 Add cart (Grace)");
        Path dest = Files.createTempDirectory("concourse-in");

        CliSession.Result result = step("in", request(releaseSource(app), Map.of("version", "2"), null), dest);

        assertThat(result.json().path("version")).isEqualTo(version("2"));
        assertThat(metadata(result.json()))
                .containsEntry("app", app)
                .containsEntry("version", "2")
                .containsEntry("commit", sha)
                .containsEntry("author", "admin")
                .containsEntry("image", "registry.example.test/shop/" + app + "@" + digest);
        try (Stream<Path> files = Files.list(dest)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "release.json",
                            "version",
                            "commit",
                            "image-id",
                            "changelog",
                            "environment",
                            "git-tag",
                            "docker_labels.json",
                            "message.json");
        }
        assertThat(Json.mapper().readTree(read(dest, "release.json"))).isEqualTo(v2);
        assertThat(read(dest, "version")).isEqualTo("2");
        assertThat(read(dest, "commit")).isEqualTo(sha);
        assertThat(read(dest, "image-id")).isEqualTo(digest);
        assertThat(read(dest, "changelog")).isEqualTo("abc1234 Fix checkout (Ada)\ndef5678 Add cart (Grace)");
        assertThat(read(dest, "environment")).isEmpty();
        assertThat(read(dest, "git-tag")).isEqualTo(app + "-v2");
        JsonNode labels = Json.mapper().readTree(read(dest, "docker_labels.json"));
        assertThat(labels.propertyNames())
                .containsExactlyInAnyOrder("org.opencontainers.image.version", "org.opencontainers.image.revision");
        assertThat(labels.path("org.opencontainers.image.version").asString()).isEqualTo("2");
        assertThat(labels.path("org.opencontainers.image.revision").asString()).isEqualTo(sha);
        assertThat(Json.mapper()
                        .readTree(read(dest, "message.json"))
                        .path("text")
                        .asString())
                .startsWith(app + " v2 (" + sha.substring(0, 7) + ") released by admin")
                .contains("abc1234 Fix checkout (Ada)");
    }

    @Test
    void inOfAReleaseWithoutAnImageWritesAnEmptyImageId() throws IOException {
        String app = newApp("cc-in-no-image");
        release(app, null, "first");
        Path dest = Files.createTempDirectory("concourse-in");

        step("in", request(releaseSource(app), Map.of("version", "1"), null), dest);

        assertThat(read(dest, "image-id")).isEmpty();
        assertThat(read(dest, "git-tag")).isEqualTo(app + "-v1");
    }

    @Test
    void outCreatesAReleaseAndEmitsTheVersionCheckReportsForIt() throws IOException {
        String app = newApp("cc-out-release");
        release(app, null, "before");
        String sha = nextSha();
        String image = "registry.example.test/shop/" + app + "@sha256:" + "d".repeat(64);
        Path sources = Files.createTempDirectory("concourse-out");

        CliSession.Result out =
                step("out", request(releaseSource(app), null, Map.of("commit", sha, "image", image)), sources);

        JsonNode emitted = out.json().path("version");
        assertThat(emitted).isEqualTo(version("2"));
        assertThat(metadata(out.json()))
                .containsEntry("app", app)
                .containsEntry("commit", sha)
                .containsEntry("image", image);
        JsonNode stored = Api.of(server.url(), Servers.ADMIN_TOKEN)
                .exchangeJson("GET", "/api/v1/apps/" + app + "/releases/2", null)
                .json();
        assertThat(stored.path("commit").asString()).isEqualTo(sha);
        assertThat(stored.path("image").asString()).isEqualTo(image);
        assertThat(check(releaseSource(app), null).values()).containsExactly(emitted);
        assertThat(check(releaseSource(app), Map.of("version", "1")).values())
                .last()
                .isEqualTo(emitted);
    }

    @Test
    void outReadsTheCommitAndChangelogFromFilesInTheSourcesDirectory() throws IOException {
        String app = newApp("cc-out-files");
        String sha = nextSha();
        Path sources = Files.createTempDirectory("concourse-out");
        Files.createDirectories(sources.resolve("repo/.git"));
        Files.writeString(sources.resolve("repo/.git/ref"), sha + "\n", StandardCharsets.UTF_8);
        Files.writeString(sources.resolve("notes.txt"), "1234567 Ship it (Ada)", StandardCharsets.UTF_8);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("commit_file", "repo/.git/ref");
        params.put("changelog_file", "notes.txt");
        params.put("no_image", true);

        CliSession.Result out = step("out", request(releaseSource(app), null, params), sources);

        assertThat(out.json().path("version")).isEqualTo(version("1"));
        JsonNode stored = Api.of(server.url(), Servers.ADMIN_TOKEN)
                .exchangeJson("GET", "/api/v1/apps/" + app + "/releases/1", null)
                .json();
        assertThat(stored.path("commit").asString()).isEqualTo(sha);
        assertThat(stored.path("changelog").asString()).isEqualTo("1234567 Ship it (Ada)");
        assertThat(stored.path("image").isNull()).isTrue();
    }

    // --- kind: deploy ------------------------------------------------------------------------------------

    @Test
    void checkReturnsTheGivenDeployAndEveryNewerSucceededOneOfTheEnvironmentOldestFirst() {
        String app = newApp("cc-check-deploys");
        release(app, null, "one");
        release(app, null, "two");
        String first = deploy(app, ENV, "1");
        deploy(app, OTHER_ENV, "1");
        String second = deploy(app, ENV, "2");
        String third = deploy(app, ENV, "2");

        assertThat(check(deploySource(app), null).values()).containsExactly(id(third));
        assertThat(check(deploySource(app), Map.of("id", first)).values())
                .containsExactly(id(first), id(second), id(third));
        assertThat(check(deploySource(app), Map.of("id", second)).values()).containsExactly(id(second), id(third));
    }

    @Test
    void checkLeavesOutADeployThatIsNotSucceeded() {
        String app = newApp("cc-check-pending");
        admin.ok("env", "create", "cc-gated", "--rank", "50", "--required-approvals", "1");
        release(app, null, "one");
        Map<String, Object> source = new LinkedHashMap<>(deploySource(app));
        source.put("environment", "cc-gated");
        String pending = admin.json("deploy", app, "cc-gated").path("id").asString();

        assertThat(check(source, null).values()).isEmpty();
        assertThat(check(source, Map.of("id", pending)).values()).isEmpty();
    }

    @Test
    void outDeploysWaitsForSuccessAndEmitsTheIdCheckReportsForIt() throws IOException {
        String app = newApp("cc-out-deploy");
        release(app, null, "one");
        release(app, null, "two");

        CliSession.Result out = step(
                "out",
                request(deploySource(app), null, Map.of("version", "1", "timeout", "60s")),
                Files.createTempDirectory("concourse-out"));

        JsonNode emitted = out.json().path("version");
        assertThat(emitted.propertyNames()).containsExactly("id");
        assertThat(metadata(out.json()))
                .containsEntry("app", app)
                .containsEntry("environment", ENV)
                .containsEntry("version", "1");
        JsonNode deploy = Api.of(server.url(), Servers.ADMIN_TOKEN)
                .exchangeJson("GET", "/api/v1/deploys/" + emitted.path("id").asString(), null)
                .json();
        assertThat(deploy.path("status").asString()).isEqualTo("succeeded");
        assertThat(deploy.path("version").asLong()).isEqualTo(1);
        assertThat(deploy.path("environment").asString()).isEqualTo(ENV);
        assertThat(check(deploySource(app), null).values()).containsExactly(emitted);
    }

    @Test
    void outWithoutAVersionDeploysTheLatestRelease() throws IOException {
        String app = newApp("cc-out-latest");
        release(app, null, "one");
        release(app, null, "two");

        CliSession.Result out =
                step("out", request(deploySource(app), null, Map.of()), Files.createTempDirectory("concourse-out"));

        assertThat(metadata(out.json())).containsEntry("version", "2");
    }

    @Test
    void outOfAnOlderVersionFailsWithoutRollbackAndDeploysWithIt() throws IOException {
        String app = newApp("cc-out-rollback");
        release(app, null, "one");
        release(app, null, "two");
        deploy(app, ENV, "2");
        Path sources = Files.createTempDirectory("concourse-out");

        CliSession.Result refused = worker.runWithStdin(
                request(deploySource(app), null, Map.of("version", "1")), "concourse", "out", sources.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(5);
        assertThat(refused.stdout()).isEmpty();
        assertThat(refused.stderrLines())
                .last()
                .asString()
                .startsWith("error: ")
                .contains("rollback");

        CliSession.Result accepted =
                step("out", request(deploySource(app), null, Map.of("version", "1", "rollback", true)), sources);
        JsonNode deploy = Api.of(server.url(), Servers.ADMIN_TOKEN)
                .exchangeJson(
                        "GET",
                        "/api/v1/deploys/"
                                + accepted.json().path("version").path("id").asString(),
                        null)
                .json();
        assertThat(deploy.path("rollback").asBoolean()).isTrue();
        assertThat(deploy.path("version").asLong()).isEqualTo(1);
        assertThat(deploy.path("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void inForADeployWritesItsEnvironmentAndTheDeployedRelease() throws IOException {
        String app = newApp("cc-in-deploy");
        String sha = release(app, null, "one").path("commit").asString();
        release(app, null, "two");
        String id = deploy(app, ENV, "1");
        Path dest = Files.createTempDirectory("concourse-in");

        CliSession.Result in = step("in", request(deploySource(app), Map.of("id", id), null), dest);

        assertThat(in.json().path("version")).isEqualTo(id(id));
        assertThat(metadata(in.json()))
                .containsEntry("environment", ENV)
                .containsEntry("deploy", id)
                .containsEntry("status", "succeeded")
                .containsEntry("version", "1");
        assertThat(read(dest, "environment")).isEqualTo(ENV);
        assertThat(read(dest, "version")).isEqualTo("1");
        assertThat(read(dest, "commit")).isEqualTo(sha);
        assertThat(read(dest, "git-tag")).isEqualTo(app + "-v1");
        assertThat(Json.mapper()
                        .readTree(read(dest, "release.json"))
                        .path("version")
                        .asLong())
                .isEqualTo(1);
        assertThat(Json.mapper()
                        .readTree(read(dest, "message.json"))
                        .path("text")
                        .asString())
                .isEqualTo(app + " v1 (" + sha.substring(0, 7) + ") deployed to " + ENV + " by admin: succeeded");
    }

    // --- protocol errors ---------------------------------------------------------------------------------

    @Test
    void aRequestThatIsNotJsonExits2WithOneLine() {
        CliSession.Result result = worker.runWithStdin("this is not json", "concourse", "check");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderrLines())
                .singleElement()
                .asString()
                .startsWith("error: ")
                .doesNotContain("Exception");
    }

    @Test
    void aDeploySourceWithoutAnEnvironmentExits2() {
        Map<String, Object> source = new LinkedHashMap<>(deploySource("cc-anything"));
        source.remove("environment");

        CliSession.Result result = worker.runWithStdin(request(source, null, null), "concourse", "check");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderrLines()).singleElement().asString().contains("source.environment");
    }

    @Test
    void aSourceWithAWrongTokenExits3() {
        String app = newApp("cc-wrong-token");
        Map<String, Object> source = new LinkedHashMap<>(releaseSource(app));
        source.put("token", "cat_not-a-real-token-00000000000000000");

        CliSession.Result result = worker.runWithStdin(request(source, null, null), "concourse", "check");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderrLines()).singleElement().asString().contains("(401)");
    }

    // ---------------------------------------------------------------------------------------------------

    private String newApp(String name) {
        admin.ok("app", "create", name, "--image", "registry.example.test/shop/" + name);
        return name;
    }

    private Map<String, Object> releaseSource(String app) {
        return Map.of("server", server.url(), "token", Servers.ADMIN_TOKEN, "app", app, "kind", "release");
    }

    private Map<String, Object> deploySource(String app) {
        return Map.of(
                "server", server.url(), "token", Servers.ADMIN_TOKEN, "app", app, "environment", ENV, "kind", "deploy");
    }

    private static String request(Map<String, Object> source, Map<String, String> version, Map<String, Object> params) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("source", source);
        if (version != null) {
            request.put("version", version);
        }
        if (params != null) {
            request.put("params", params);
        }
        return Json.mapper().writeValueAsString(request);
    }

    private JsonNode check(Map<String, Object> source, Map<String, String> version) {
        CliSession.Result result = worker.runWithStdin(request(source, version, null), "concourse", "check");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode versions = result.json();
        assertThat(versions.isArray()).as(result.toString()).isTrue();
        return versions;
    }

    private CliSession.Result step(String step, String request, Path dir) {
        CliSession.Result result = worker.runWithStdin(request, "concourse", step, dir.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    private static JsonNode version(String version) {
        return Json.mapper().valueToTree(Map.of("version", version));
    }

    private static JsonNode id(String id) {
        return Json.mapper().valueToTree(Map.of("id", id));
    }

    private static Map<String, String> metadata(JsonNode output) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (JsonNode entry : output.path("metadata")) {
            metadata.put(entry.path("name").asString(), entry.path("value").asString());
        }
        return metadata;
    }

    private JsonNode release(String app, String image, String changelog) {
        return release(app, image, nextSha(), changelog);
    }

    /** A release created straight through the API (no image when {@code image} is null). */
    private JsonNode release(String app, String image, String sha, String changelog) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commit", sha);
        if (image == null) {
            body.put("noImage", true);
        } else {
            body.put("image", image);
        }
        body.put("changelog", changelog);
        RawResponse r = Api.of(server.url(), Servers.ADMIN_TOKEN)
                .exchangeJson("POST", "/api/v1/apps/" + app + "/releases", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** Deploys with the CLI and waits for success; returns the deploy id. */
    private String deploy(String app, String env, String version) {
        return admin.json("deploy", app, env, "--version", version, "--wait", "--timeout", "60s")
                .path("id")
                .asString();
    }

    private synchronized String nextSha() {
        return String.format("%040x", ++shaSeed * 7919L + 0xabcdefL);
    }

    private static String read(Path dir, String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
