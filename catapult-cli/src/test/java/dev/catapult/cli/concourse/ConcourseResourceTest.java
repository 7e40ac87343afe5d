package dev.catapult.cli.concourse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.cli.support.CliRun;
import dev.catapult.cli.support.FakeCatapultServer;
import dev.catapult.client.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ConcourseResourceTest {

    @TempDir
    Path home;

    @TempDir
    Path work;

    FakeCatapultServer server;

    @BeforeEach
    void start() {
        server = FakeCatapultServer.start();
        server.addApp("shop", "reg/shop");
        server.pageSize(2);
        for (int i = 1; i <= 5; i++) {
            server.addRelease(
                    "shop",
                    String.valueOf(i).repeat(40),
                    List.of(String.valueOf(i).repeat(40)));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String source(String kind) {
        return "{\"server\":\"" + server.url() + "\",\"token\":\"" + FakeCatapultServer.TOKEN
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
        server.addDeploy("shop", "prod", 1, "succeeded");
        server.addDeploy("shop", "staging", 2, "succeeded");
        server.addDeploy("shop", "prod", 2, "failed");
        server.addDeploy("shop", "prod", 3, "succeeded");
        server.addDeploy("shop", "prod", 4, "succeeded");

        CliRun.Result result =
                run("{\"source\":" + source("deploy") + ",\"version\":{\"id\":\"d0001\"}}", "concourse", "check");

        assertThat(Json.parse(result.stdout()))
                .isEqualTo(Json.parse("[{\"id\":\"d0001\"},{\"id\":\"d0004\"},{\"id\":\"d0005\"}]"));
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
        server.scriptDeploys("queued", "in_progress", "succeeded");

        CliRun.Result out = run(
                "{\"source\":" + source("deploy") + ",\"params\":{\"version\":\"4\"}}",
                "concourse",
                "out",
                work.toString());
        CliRun.Result check = run("{\"source\":" + source("deploy") + "}", "concourse", "check");

        assertThat(out.exitCode()).as(out.stderr()).isZero();
        assertThat(Json.parse(out.stdout()).path("version")).isEqualTo(Json.parse("{\"id\":\"d0001\"}"));
        assertThat(Json.parse(check.stdout())).isEqualTo(Json.parse("[{\"id\":\"d0001\"}]"));
    }

    @Test
    void aSourceWithoutAnAppIsAUsageError() {
        CliRun.Result result = run("{\"source\":{\"server\":\"http://h\",\"token\":\"t\"}}", "concourse", "check");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("error: source.app is required\n");
    }
}
