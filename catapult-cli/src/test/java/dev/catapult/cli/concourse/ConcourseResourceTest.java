package dev.catapult.cli.concourse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.cli.support.CatapultServerExtension;
import dev.catapult.cli.support.CliRun;
import dev.catapult.cli.support.Seed;
import dev.catapult.client.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ConcourseResourceTest {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @RegisterExtension
    static final CatapultServerExtension server = new CatapultServerExtension();

    Seed seed;

    @BeforeEach
    void start() {
        seed = new Seed(server)
                .environment("staging", 20)
                .environment("prod", 30)
                .app("shop", "reg/shop");
        server.pageSize(2);
        for (int i = 1; i <= 5; i++) {
            seed.release(
                    "shop",
                    String.valueOf(i).repeat(40),
                    List.of(String.valueOf(i).repeat(40)));
        }
    }

    private String source(String kind) {
        return "{\"server\":\"" + server.url() + "\",\"token\":\"" + server.token()
                + "\",\"app\":\"shop\",\"environment\":\"prod\",\"kind\":\"" + kind + "\"}";
    }

    // No CATAPULT_SERVER/TOKEN: a resource must work from its source block alone.
    private CliRun.Result run(String stdin, String... args) {
        return new CliRun(home).stdin(stdin).interactive(true).run(args);
    }

    @Test
    void checkReturnsTheGivenVersionAndEveryNewerOneOldestFirst() {
        CliRun.Result result =
                run("{\"source\":" + source("release") + ",\"version\":{\"version\":\"2\"}}", "concourse", "check");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Json.parse(result.stdout()))
                .isEqualTo(Json.parse(
                        "[{\"version\":\"2\"},{\"version\":\"3\"},{\"version\":\"4\"},{\"version\":\"5\"}]"));
    }

    @Test
    void checkWithoutAVersionReturnsOnlyTheLatest() {
        CliRun.Result result = run("{\"source\":" + source("release") + "}", "concourse", "check");

        assertThat(Json.parse(result.stdout())).isEqualTo(Json.parse("[{\"version\":\"5\"}]"));
    }

    @Test
    void checkOfDeploysListsSucceededDeploysOfTheEnvironmentOldestFirst() {
        // prod reports its outcome, so one of its deploys can fail.
        seed.target("shop", "prod", true, Map.of());
        String d1 =
                seed.deployReported("shop", "prod", 1, "succeeded").path("id").asString();
        seed.deploy("shop", "staging", 2, "succeeded");
        seed.deployReported("shop", "prod", 2, "failed");
        String d4 =
                seed.deployReported("shop", "prod", 3, "succeeded").path("id").asString();
        String d5 =
                seed.deployReported("shop", "prod", 4, "succeeded").path("id").asString();

        CliRun.Result result =
                run("{\"source\":" + source("deploy") + ",\"version\":{\"id\":\"" + d1 + "\"}}", "concourse", "check");

        assertThat(Json.parse(result.stdout()))
                .isEqualTo(Json.parse("[{\"id\":\"" + d1 + "\"},{\"id\":\"" + d4 + "\"},{\"id\":\"" + d5 + "\"}]"));
    }

    @Test
    void inWritesTheReleaseFiles() throws Exception {
        CliRun.Result result = run(
                "{\"source\":" + source("release") + ",\"version\":{\"version\":\"3\"}}",
                "concourse",
                "in",
                work.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode out = Json.parse(result.stdout());
        assertThat(out.path("version")).isEqualTo(Json.parse("{\"version\":\"3\"}"));
        assertThat(out.path("metadata").get(0).path("name").asString()).isEqualTo("app");
        assertThat(Files.readString(work.resolve("version"))).isEqualTo("3");
        assertThat(Files.readString(work.resolve("commit"))).isEqualTo("3".repeat(40));
        assertThat(Files.readString(work.resolve("image-id"))).isEqualTo("sha256:" + "ab".repeat(32));
        assertThat(Files.readString(work.resolve("git-tag"))).isEqualTo("shop-v3");
        assertThat(Files.readString(work.resolve("environment"))).isEmpty();
        assertThat(Json.parse(Files.readString(work.resolve("docker_labels.json"))))
                .isEqualTo(Json.parse(
                        "{\"org.opencontainers.image.version\":\"3\",\"org.opencontainers.image.revision\":\""
                                + "3".repeat(40) + "\"}"));
        assertThat(Json.parse(Files.readString(work.resolve("message.json")))
                        .path("text")
                        .asString())
                .startsWith("shop v3 (3333333) released by alice");
        assertThat(Json.parse(Files.readString(work.resolve("release.json")))
                        .path("version")
                        .asLong())
                .isEqualTo(3);
    }

    @Test
    void outCreatesAReleaseAndEmitsTheVersionCheckReports() throws Exception {
        Files.writeString(work.resolve("sha"), "6".repeat(40) + "\n");
        String params = "{\"commit_file\":\"sha\",\"image\":\"reg/shop@sha256:" + "ef".repeat(32) + "\"}";

        CliRun.Result out = run(
                "{\"source\":" + source("release") + ",\"params\":" + params + "}",
                "concourse",
                "out",
                work.toString());
        CliRun.Result check =
                run("{\"source\":" + source("release") + ",\"version\":{\"version\":\"5\"}}", "concourse", "check");

        assertThat(out.exitCode()).as(out.stderr()).isZero();
        JsonNode emitted = Json.parse(out.stdout()).path("version");
        assertThat(emitted).isEqualTo(Json.parse("{\"version\":\"6\"}"));
        assertThat(Json.parse(check.stdout()).get(1)).isEqualTo(emitted);
    }

    @Test
    void outDeploysAndWaitsSoTheEmittedIdIsOneCheckReports() {
        CliRun.Result out = run(
                "{\"source\":" + source("deploy") + ",\"params\":{\"version\":\"4\"}}",
                "concourse",
                "out",
                work.toString());
        CliRun.Result check = run("{\"source\":" + source("deploy") + "}", "concourse", "check");

        assertThat(out.exitCode()).as(out.stderr()).isZero();
        String id = seed.lastDeploy("shop").path("id").asString();
        assertThat(Json.parse(out.stdout()).path("version")).isEqualTo(Json.parse("{\"id\":\"" + id + "\"}"));
        assertThat(Json.parse(check.stdout())).isEqualTo(Json.parse("[{\"id\":\"" + id + "\"}]"));
    }

    @Test
    void aSourceWithoutAnAppIsAUsageError() {
        CliRun.Result result = run("{\"source\":{\"server\":\"http://h\",\"token\":\"t\"}}", "concourse", "check");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("error: source.app is required\n");
    }
}
