package dev.catapult.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.api.DeployCreateRequest;
import dev.catapult.cli.support.CatapultServerExtension;
import dev.catapult.cli.support.CliRun;
import dev.catapult.cli.support.Seed;
import dev.catapult.client.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandTest {

    @TempDir
    Path home;

    @RegisterExtension
    static final CatapultServerExtension server = new CatapultServerExtension();

    Seed seed;

    @BeforeEach
    void start() {
        seed = new Seed(server).environment("prod", 30).app("shop", "reg/shop");
        seed.release("shop", "1".repeat(40), List.of(sha("a1"), sha("a2")));
        seed.release("shop", "2".repeat(40), List.of(sha("b1"), sha("b2"), sha("b3")));
        seed.release("shop", "3".repeat(40), List.of(sha("c1")));
    }

    /** A commit id that starts with {@code prefix}. */
    private static String sha(String prefix) {
        return prefix + "0".repeat(40 - prefix.length());
    }

    /** prod reports its outcome: once the CLI saw the deploy in progress, the next look finds it {@code outcome}. */
    private void reportOnceSeenInProgress(String outcome, String message) {
        seed.target("shop", "prod", true, Map.of());
        server.after("GET", "/api/v1/deploys/", (request, response) -> {
            if (response.json().path("status").asString().equals("in_progress")) {
                seed.report(response.json().path("id").asString(), outcome, message);
            }
        });
    }

    private String lastDeployId() {
        return seed.lastDeploy("shop").path("id").asString();
    }

    private CliRun.Result run(String... args) {
        return CliRun.against(server, home).run(args);
    }

    private DeployCreateRequest sentDeploy() {
        return server.lastSent("POST", "/api/v1/apps/shop/deploys", DeployCreateRequest.class);
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
        seed.deploy("shop", "prod", 3, "succeeded");

        CliRun.Result result = run("deploy", "shop", "prod", "--version", "1");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.stderr())
                .isEqualTo(
                        "error: rolling back from v3 to v1, removing 4 commits; pass --rollback to deploy an older version\n");
        assertThat(server.requests("POST", "/api/v1/apps/shop/deploys")).isEmpty();
    }

    @Test
    void theServersRollbackConflictGetsTheSameAdvice() {
        // Another client deploys v3 after the CLI looked at what runs and before its deploy arrives.
        server.before("POST", "/api/v1/apps/shop/deploys", request -> seed.deploy("shop", "prod", 3, "succeeded"));

        CliRun.Result result = run("deploy", "shop", "prod", "--version", "1");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.stderr()).endsWith("; pass --rollback to deploy an older version\n");
    }

    @Test
    void rollbackFlagSendsRollbackAndExplains() {
        seed.deploy("shop", "prod", 3, "succeeded");

        CliRun.Result result = run("deploy", "shop", "prod", "--version", "v2", "--rollback");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).contains("rolling back from v3 to v2, removing 1 commit");
        assertThat(sentDeploy().rollback()).isTrue();
        assertThat(sentDeploy().reason()).isEqualTo("rollback");
    }

    @Test
    void waitFollowsTheDeployAndSucceeds() {
        reportOnceSeenInProgress("succeeded", "done");

        CliRun.Result result = run("deploy", "shop", "prod", "--wait");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String id = lastDeployId();
        assertThat(result.stderr())
                .contains(
                        "deploy " + id + ": queued", "deploy " + id + ": in_progress", "deploy " + id + ": succeeded");
        assertThat(Json.parse(result.stdout()).path("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void waitExitsOneWhenTheDeployFails() {
        reportOnceSeenInProgress("failed", "container unhealthy");

        CliRun.Result result = run("deploy", "shop", "prod", "--wait");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).endsWith("error: deploy " + lastDeployId() + " failed: container unhealthy\n");
    }

    @Test
    void waitGivesUpAtTheTimeout() {
        // A deploy of prod stays queued while another one of prod is in progress.
        seed.target("shop", "prod", true, Map.of());
        seed.deploy("shop", "prod", 2, "in_progress");

        CliRun.Result result = run("deploy", "shop", "prod", "--wait", "--timeout", "500ms");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr())
                .endsWith("error: timed out after 500ms waiting for deploy " + lastDeployId() + " (still queued)\n");
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
        seed.deploy("shop", "prod", 1, "succeeded");
        seed.deploy("shop", "prod", 3, "succeeded");

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

    @Test
    void rollbackGoesWhereTheServerSaysNotToTheHighestOlderVersion() {
        seed.deploy("shop", "prod", 2, "succeeded");
        seed.rollback("shop", "prod", 1, "succeeded");
        seed.deploy("shop", "prod", 3, "succeeded");

        CliRun.Result result = run("rollback", "shop", "prod");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(server.requests("GET", "/api/v1/apps/shop/environments/prod/rollback-target"))
                .hasSize(1);
        assertThat(sentDeploy()).isEqualTo(new DeployCreateRequest("prod", 1L, true, "rollback", null));
    }

    @Test
    void rollbackWithNothingOlderThatRanIsNotFoundWithTheServersReason() {
        seed.deploy("shop", "prod", 3, "succeeded");

        CliRun.Result result = run("rollback", "shop", "prod");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderr())
                .isEqualTo("error: no version older than the running v3 of app 'shop' has run in 'prod': "
                        + "nothing to roll back to\n");
        assertThat(server.requests("POST", "/api/v1/apps/shop/deploys")).isEmpty();
    }

    @Test
    void rollbackToAChosenVersionNeedsNoServerAnswer() {
        seed.deploy("shop", "prod", 3, "succeeded");

        CliRun.Result result = run("rollback", "shop", "prod", "--to", "2");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(server.requests("GET", "/api/v1/apps/shop/environments/prod/rollback-target"))
                .isEmpty();
        assertThat(sentDeploy()).isEqualTo(new DeployCreateRequest("prod", 2L, true, "rollback", null));
    }
}
