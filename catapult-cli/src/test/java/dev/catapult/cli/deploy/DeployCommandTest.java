package dev.catapult.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.api.DeployCreateRequest;
import dev.catapult.cli.support.CliRun;
import dev.catapult.cli.support.FakeCatapultServer;
import dev.catapult.client.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandTest {

    @TempDir
    Path home;

    FakeCatapultServer server;

    @BeforeEach
    void start() {
        server = FakeCatapultServer.start();
        server.addApp("shop", "reg/shop");
        server.addRelease("shop", "1".repeat(40), List.of("a1", "a2"));
        server.addRelease("shop", "2".repeat(40), List.of("b1", "b2", "b3"));
        server.addRelease("shop", "3".repeat(40), List.of("c1"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun.Result run(String... args) {
        return CliRun.against(server, home).run(args);
    }

    private DeployCreateRequest sentDeploy() {
        return Json.mapper()
                .readValue(
                        server.requests("POST", "/api/v1/apps/shop/deploys")
                                .getLast()
                                .body(),
                        DeployCreateRequest.class);
    }

    @Test
    void deployWithoutVersionDeploysTheLatestRelease() {
        CliRun.Result result = run("deploy", "shop", "prod");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(sentDeploy().version()).isEqualTo(3);
        assertThat(Json.parse(result.stdout()).path("status").asString()).isEqualTo("queued");
    }

    @Test
    void deployingAnOlderVersionWithoutRollbackIsRefusedWithWhatItWouldRemove() {
        server.addDeploy("shop", "prod", 3, "succeeded");

        CliRun.Result result = run("deploy", "shop", "prod", "--version", "1");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.stderr())
                .isEqualTo(
                        "error: rolling back from v3 to v1, removing 4 commits; pass --rollback to deploy an older version\n");
        assertThat(server.requests("POST", "/api/v1/apps/shop/deploys")).isEmpty();
    }

    @Test
    void theServersRollbackConflictGetsTheSameAdvice() {
        server.failWith(
                "POST",
                "/api/v1/apps/shop/deploys",
                409,
                "version 1 is older than the running 3; a rollback must set rollback: true");

        CliRun.Result result = run("deploy", "shop", "prod", "--version", "1");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.stderr()).endsWith("; pass --rollback to deploy an older version\n");
    }

    @Test
    void rollbackFlagSendsRollbackAndExplains() {
        server.addDeploy("shop", "prod", 3, "succeeded");

        CliRun.Result result = run("deploy", "shop", "prod", "--version", "v2", "--rollback");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).contains("rolling back from v3 to v2, removing 1 commit");
        assertThat(sentDeploy().rollback()).isTrue();
        assertThat(sentDeploy().reason()).isEqualTo("rollback");
    }

    @Test
    void waitFollowsTheDeployAndSucceeds() {
        server.scriptDeploys("queued", "in_progress", "in_progress", "succeeded");

        CliRun.Result result = run("deploy", "shop", "prod", "--wait");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr())
                .contains("deploy d0001: queued", "deploy d0001: in_progress", "deploy d0001: succeeded");
        assertThat(Json.parse(result.stdout()).path("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void waitExitsOneWhenTheDeployFails() {
        server.scriptDeploys("queued", "failed");

        CliRun.Result result = run("deploy", "shop", "prod", "--wait");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).endsWith("error: deploy d0001 failed: container unhealthy\n");
    }

    @Test
    void waitGivesUpAtTheTimeout() {
        server.scriptDeploys("queued");

        CliRun.Result result = run("deploy", "shop", "prod", "--wait", "--timeout", "500ms");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).endsWith("error: timed out after 500ms waiting for deploy d0001 (still queued)\n");
    }

    @Test
    void dryRunDeploysNothing() {
        CliRun.Result result = run("deploy", "shop", "prod", "--dry-run");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).contains("would deploy shop v3 to prod");
        assertThat(server.requests("POST", "/api/v1/apps/shop/deploys")).isEmpty();
    }

    @Test
    void rollbackGoesBackToThePreviouslyDeployedVersion() {
        server.addDeploy("shop", "prod", 1, "succeeded");
        server.addDeploy("shop", "prod", 3, "succeeded");

        CliRun.Result result = run("rollback", "shop", "prod");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).contains("rolling back from v3 to v1, removing 4 commits");
        assertThat(sentDeploy()).isEqualTo(new DeployCreateRequest("prod", 1L, true, "rollback", null));
    }

    @Test
    void rollbackWithNothingDeployedIsNotFound() {
        CliRun.Result result = run("rollback", "shop", "prod");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderr()).isEqualTo("error: app 'shop' has no successful deploy in 'prod'\n");
    }
}
