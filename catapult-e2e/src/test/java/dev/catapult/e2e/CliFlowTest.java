package dev.catapult.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.client.RawResponse;
import dev.catapult.e2e.CliGitRepo.Commit;
import dev.catapult.testkit.database.TestDatabase;
import dev.catapult.testkit.server.ServerProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The release flow from the CLI against a real server process: environments and apps, releases computed
 * from a real git repository, deploys, redeploys, rollbacks, promotion, approval on a protected
 * environment by a second principal, the status matrix and the audit chain. Each test drives its own app;
 * the environments (dev, staging, prod protected with one approval) and a reviewer principal are shared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliFlowTest {
    private ServerProcess server;
    private CliSession admin;
    private CliSession reviewer;
    private String reviewerName;

    @BeforeAll
    void startServerAndCreateEnvironments() {
        server = Servers.start(TestDatabase.fresh(), Map.of());
        admin = CliSession.against(server.url(), Servers.ADMIN_TOKEN);
        admin.ok("env", "create", "dev", "--rank", "10");
        admin.ok("env", "create", "staging", "--rank", "20");
        admin.ok("env", "create", "prod", "--rank", "30", "--protected", "--required-approvals", "1");

        reviewerName = "reviewer";
        JsonNode principal = admin.json("principal", "create", reviewerName, "--kind", "user");
        JsonNode token = admin.json(
                "token", "create", principal.path("id").asString(), "--name", "approvals", "--scope", "deploy:*:prod");
        assertThat(token.path("scopes").values()).extracting(JsonNode::asString).containsExactly("deploy:*:prod");
        reviewer = admin.as(token.path("secret").asString());
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void environmentsCreatedFromTheCliAreListedInRankOrderWithTheirProtection() {
        JsonNode environments = admin.json("env", "list");

        assertThat(environments.values())
                .extracting(e -> e.path("name").asString())
                .containsExactly("dev", "staging", "prod");
        assertThat(environments.values())
                .extracting(e -> e.path("rank").asInt())
                .containsExactly(10, 20, 30);
        assertThat(environments.values())
                .extracting(e -> e.path("protected").asBoolean())
                .containsExactly(false, false, true);
        assertThat(environments.values())
                .extracting(e -> e.path("requiredApprovals").asInt())
                .containsExactly(0, 0, 1);
    }

    @Test
    void theFirstReleaseListsOnlyItsCommitAndTheSecondEveryCommitSinceTheFirstNewestFirst() {
        String app = newApp("flow-changelog");
        try (CliGitRepo repo = CliGitRepo.create()) {
            repo.commit("Initial skeleton", "Ada Lovelace");
            repo.commit("Add health endpoint", "Grace Hopper");
            Commit c3 = repo.commit(
                    "Wire the database\n\nLonger explanation that must not reach the changelog.", "Ada Lovelace");

            JsonNode v1 = admin.json("release", app, "--repo", repo.dir().toString(), "--no-image");

            Commit c4 = repo.commit("Fix login redirect", "Linus Torvalds");
            Commit c5 = repo.commit("Bump dependencies", "Grace Hopper");
            String image = digestImage(app, 'b');
            JsonNode v2 = admin.json("release", app, "--repo", repo.dir().toString(), "--image", image);

            assertThat(v1.path("version").asLong()).isEqualTo(1);
            assertThat(v1.path("commit").asString()).isEqualTo(c3.sha());
            assertThat(v1.path("changelog").asString()).isEqualTo(c3.changelogLine());
            assertThat(c3.changelogLine()).isEqualTo(c3.shortSha() + " Wire the database (Ada Lovelace)");
            assertThat(strings(v1.path("commits"))).containsExactly(c3.sha());
            assertThat(v1.path("image").isNull())
                    .as("release without an image: %s", v1)
                    .isTrue();

            assertThat(v2.path("version").asLong()).isEqualTo(2);
            assertThat(v2.path("commit").asString()).isEqualTo(c5.sha());
            assertThat(v2.path("changelog").asString()).isEqualTo(c5.changelogLine() + "\n" + c4.changelogLine());
            assertThat(strings(v2.path("commits"))).containsExactly(c5.sha(), c4.sha());
            assertThat(v2.path("image").asString()).isEqualTo(image);
            assertThat(v2.path("author").asString()).isEqualTo("admin");

            // What the server stored, read back through the CLI and straight from the API.
            assertThat(admin.json("release", "show", app, "v2")).isEqualTo(v2);
            assertThat(admin.json("release", "show", app, "latest")).isEqualTo(v2);
            assertThat(admin.json("release", "list", app).values()).containsExactly(v2, v1);
            RawResponse stored = Api.of(server.url(), Servers.ADMIN_TOKEN)
                    .exchangeJson("GET", "/api/v1/apps/" + app + "/releases/1", null);
            assertThat(stored.status()).isEqualTo(200);
            assertThat(stored.json()).isEqualTo(v1);
        }
    }

    // BUG: the CLI sends "User-Agent: catapult-cli" while the server records source=cli only for
    // "catapult-cli/…" (ReleaseController), so every CLI release is stored as source "api". SPEC §1 lists
    // `source (cli, api, registry)`. Enable when either side is fixed.
    @Test
    void aReleaseCreatedWithTheCliIsRecordedWithSourceCli() {
        String app = newApp("flow-source");
        try (CliGitRepo repo = CliGitRepo.create()) {
            repo.commit("Only commit", "Ada Lovelace");

            JsonNode release = admin.json("release", app, "--repo", repo.dir().toString(), "--no-image");

            assertThat(release.path("source").asString()).isEqualTo("cli");
        }
    }

    @Test
    void releaseLogShowsTheChangelogsAfterTheFirstVersionUpToTheSecondNewestFirst() {
        String app = newApp("flow-log");
        try (CliGitRepo repo = CliGitRepo.create()) {
            repo.commit("One", "Ada Lovelace");
            release(app, repo);
            Commit two = repo.commit("Two", "Grace Hopper");
            release(app, repo);
            Commit three = repo.commit("Three", "Linus Torvalds");
            release(app, repo);
            repo.commit("Four", "Ada Lovelace");
            release(app, repo);

            JsonNode log = admin.json("release", "log", app, "v1..v3");

            assertThat(log.values()).extracting(r -> r.path("version").asLong()).containsExactly(3L, 2L);
            assertThat(log.values())
                    .extracting(r -> r.path("changelog").asString())
                    .containsExactly(three.changelogLine(), two.changelogLine());
        }
    }

    @Test
    void releaseFindNamesTheFirstReleaseContainingACommitAndExits4ForAnUnreleasedOne() {
        String app = newApp("flow-find");
        try (CliGitRepo repo = CliGitRepo.create()) {
            Commit first = repo.commit("First", "Ada Lovelace");
            release(app, repo);
            Commit middle = repo.commit("Middle", "Grace Hopper");
            repo.commit("Last", "Grace Hopper");
            release(app, repo);
            repo.commit("Later", "Grace Hopper");
            release(app, repo);
            Commit unreleased = repo.commit("Not released yet", "Linus Torvalds");

            assertThat(admin.json("release", "find", app, "--commit", middle.sha())
                            .path("version")
                            .asLong())
                    .isEqualTo(2);
            assertThat(admin.json("release", "find", app, "--commit", first.sha())
                            .path("version")
                            .asLong())
                    .isEqualTo(1);
            // A short sha is resolved in the local clone.
            assertThat(admin.json(
                                    "release",
                                    "find",
                                    app,
                                    "--commit",
                                    middle.shortSha(),
                                    "--repo",
                                    repo.dir().toString())
                            .path("version")
                            .asLong())
                    .isEqualTo(2);
            CliSession.Result missing = admin.run("release", "find", app, "--commit", unreleased.sha());
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(4);
            assertThat(missing.stderrLines()).singleElement().asString().contains(unreleased.shortSha());
        }
    }

    @Test
    void deployWithWaitEndsSucceededAndDeployingTheSameVersionAgainIsARedeploy() {
        String app = newApp("flow-redeploy");
        try (CliGitRepo repo = CliGitRepo.create()) {
            repo.commit("One", "Ada Lovelace");
            release(app, repo);

            JsonNode first = waitedFor("deploy", app, "dev").json();
            JsonNode again = waitedFor("deploy", app, "dev").json();

            assertThat(first.path("status").asString()).isEqualTo("succeeded");
            assertThat(first.path("version").asLong()).isEqualTo(1);
            assertThat(first.path("reason").asString()).isEqualTo("manual");
            assertThat(first.path("actor").asString()).isEqualTo("admin");
            assertThat(first.path("deployer").asString()).isEqualTo("record");
            assertThat(again.path("status").asString()).isEqualTo("succeeded");
            assertThat(again.path("version").asLong()).isEqualTo(1);
            assertThat(again.path("reason").asString()).isEqualTo("redeploy");
            assertThat(again.path("rollback").asBoolean()).isFalse();
            assertThat(again.path("id").asString())
                    .isNotEqualTo(first.path("id").asString());
        }
    }

    @Test
    void deployingAnOlderVersionWithoutRollbackIsRefusedWithExitCode5AndOneLineNamingTheFlag() {
        String app = newApp("flow-refused");
        try (CliGitRepo repo = CliGitRepo.create()) {
            repo.commit("One", "Ada Lovelace");
            release(app, repo);
            repo.commit("Two", "Grace Hopper");
            repo.commit("Three", "Grace Hopper");
            release(app, repo);
            waitedFor("deploy", app, "dev");

            CliSession.Result refused = admin.run("deploy", app, "dev", "--version", "1");

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(5);
            assertThat(refused.stdout()).isEmpty();
            assertThat(refused.stderrLines())
                    .singleElement()
                    .asString()
                    .contains("rolling back from v2 to v1, removing 2 commits")
                    .contains("--rollback");
            assertThat(admin.json("deploys", app, "dev").values())
                    .as("nothing was requested")
                    .hasSize(1);
        }
    }

    @Test
    void deployingAnOlderVersionWithRollbackIsAcceptedAndRecordedAsARollback() {
        String app = newApp("flow-rollback-flag");
        try (CliGitRepo repo = CliGitRepo.create()) {
            repo.commit("One", "Ada Lovelace");
            release(app, repo);
            repo.commit("Two", "Grace Hopper");
            release(app, repo);
            waitedFor("deploy", app, "dev");

            CliSession.Result accepted = waitedFor("deploy", app, "dev", "--version", "1", "--rollback");

            JsonNode deploy = assertRolledBackInDev(accepted, app, 1, "rolling back from v2 to v1, removing 1 commit");
            assertThat(deploy.path("previousVersion").asLong()).isEqualTo(2);
        }
    }

    @Test
    void theRollbackCommandGoesBackToTheVersionThatRanBefore() {
        String app = newApp("flow-rollback-cmd");
        try (CliGitRepo repo = CliGitRepo.create()) {
            for (int i = 1; i <= 3; i++) {
                repo.commit("Change " + i, "Ada Lovelace");
                release(app, repo);
            }
            waitedFor("deploy", app, "dev", "--version", "1");
            waitedFor("deploy", app, "dev", "--version", "3");

            CliSession.Result rolledBack = waitedFor("rollback", app, "dev");

            // v1 then v3 ran: "the version that ran before" is v1, not v3 - 1.
            assertRolledBackInDev(rolledBack, app, 1, "rolling back from v3 to v1, removing 2 commits");
        }
    }

    @Test
    void promoteDeploysToStagingTheVersionRunningInDevEvenWhenANewerReleaseExists() {
        String app = newApp("flow-promote");
        try (CliGitRepo repo = CliGitRepo.create()) {
            repo.commit("One", "Ada Lovelace");
            release(app, repo);
            repo.commit("Two", "Grace Hopper");
            release(app, repo);
            waitedFor("deploy", app, "dev");
            repo.commit("Three", "Linus Torvalds");
            release(app, repo);

            JsonNode promoted = waitedFor("promote", app, "--from", "dev", "--to", "staging")
                    .json();

            assertThat(promoted.path("environment").asString()).isEqualTo("staging");
            assertThat(promoted.path("version").asLong()).isEqualTo(2);
            assertThat(promoted.path("reason").asString()).isEqualTo("promotion");
            assertThat(promoted.path("status").asString()).isEqualTo("succeeded");
            assertThat(runningVersion(app, "staging")).isEqualTo(2);
        }
    }

    @Test
    void aDeployToTheProtectedEnvironmentWaitsForApprovalByAnotherPrincipal() {
        String app = newApp("flow-approval");
        try (CliGitRepo repo = CliGitRepo.create()) {
            repo.commit("One", "Ada Lovelace");
            release(app, repo);

            JsonNode requested = admin.json("deploy", app, "prod");
            String id = requested.path("id").asString();
            assertThat(requested.path("status").asString()).isEqualTo("pending_approval");
            assertThat(requested.path("requiredApprovals").asInt()).isEqualTo(1);

            CliSession.Result selfApproval = admin.run("approve", id);
            assertThat(selfApproval.exitCode()).as(selfApproval.toString()).isEqualTo(3);
            assertThat(selfApproval.stderrLines())
                    .singleElement()
                    .asString()
                    .contains("requester")
                    .contains("(403)");
            assertThat(deployStatus(id)).isEqualTo("pending_approval");

            JsonNode approved = reviewer.json("approve", id);
            assertThat(approved.path("approvals").values())
                    .extracting(a -> a.path("approver").asString())
                    .containsExactly(reviewerName);
            assertThat(approved.path("status").asString()).isIn("queued", "in_progress", "succeeded");

            assertThat(awaitFinished(id)).isEqualTo("succeeded");
            assertThat(runningVersion(app, "prod")).isEqualTo(1);
        }
    }

    @Test
    void statusShowsTheRunningVersionPerEnvironmentAndHowManyReleasesEachIsBehind() {
        String app = newApp("flow-status");
        try (CliGitRepo repo = CliGitRepo.create()) {
            for (int i = 1; i <= 3; i++) {
                repo.commit("Change " + i, "Ada Lovelace");
                release(app, repo);
            }
            waitedFor("deploy", app, "dev");
            waitedFor("deploy", app, "staging", "--version", "1");

            JsonNode status = admin.json("status", "--only", "^" + app + "$");

            assertThat(strings(status.path("environments"))).containsExactly("dev", "staging", "prod");
            assertThat(status.path("entries").values())
                    .extracting(
                            e -> e.path("app").asString(),
                            e -> e.path("environment").asString(),
                            e -> nullableLong(e.path("version")),
                            e -> e.path("latestVersion").asLong(),
                            e -> e.path("behind").asLong(),
                            e -> nullableString(e.path("status")))
                    .containsExactly(
                            Tuple.tuple(app, "dev", 3L, 3L, 0L, "succeeded"),
                            Tuple.tuple(app, "staging", 1L, 3L, 2L, "succeeded"),
                            Tuple.tuple(app, "prod", null, 3L, 3L, null));
            JsonNode dev = status.path("entries").get(0);
            assertThat(dev.path("by").asString()).isEqualTo("admin");
            assertThat(dev.path("deployId").asString()).startsWith("d_");
        }
    }

    @Test
    void aReleaseOfAnOlderCommitStoresTheRemovedCommitsAndNoLongerContainsThem() {
        String app = newApp("flow-release-back");
        try (CliGitRepo repo = CliGitRepo.create()) {
            repo.commit("One", "Ada Lovelace");
            Commit c2 = repo.commit("Two", "Ada Lovelace");
            release(app, repo);
            Commit c3 = repo.commit("Three", "Grace Hopper");
            Commit c4 = repo.commit("Four: the bad one", "Linus Torvalds");
            Commit c5 = repo.commit("Five", "Grace Hopper");
            release(app, repo);

            CliSession.Result back = admin.ok(
                    "release", app, "--repo", repo.dir().toString(), "--commit", c3.sha(), "--no-image", "--yes");

            JsonNode v3 = back.json();
            String summary = "rolling back from " + c5.shortSha() + " to " + c3.shortSha() + ", removing 2 commits";
            assertThat(back.stderr()).contains(summary);
            assertThat(v3.path("version").asLong()).isEqualTo(3);
            assertThat(v3.path("commit").asString()).isEqualTo(c3.sha());
            assertThat(v3.path("changelog").asString())
                    .isEqualTo(summary + ":\n" + c5.changelogLine() + "\n" + c4.changelogLine());
            assertThat(strings(v3.path("commits"))).containsExactly(c5.sha(), c4.sha());

            assertThat(contains(app, 3, c4)).isEqualTo("false");
            assertThat(contains(app, 3, c5)).isEqualTo("false");
            assertThat(contains(app, 3, c3)).isEqualTo("true");
            assertThat(contains(app, 3, c2)).isEqualTo("true");
            assertThat(contains(app, 2, c4)).isEqualTo("true");
            assertThat(admin.json("release", "list", app, "--contains", c4.sha())
                            .values())
                    .extracting(r -> r.path("version").asLong())
                    .containsExactly(2L);
            assertThat(admin.json("release", "find", app, "--commit", c4.sha())
                            .path("version")
                            .asLong())
                    .isEqualTo(2);
        }
    }

    @Test
    void aReleaseOfAnOlderCommitWithoutATerminalNeedsYesAndCreatesNothingOtherwise() {
        String app = newApp("flow-release-back-yes");
        try (CliGitRepo repo = CliGitRepo.create()) {
            Commit c1 = repo.commit("One", "Ada Lovelace");
            release(app, repo);
            repo.commit("Two", "Grace Hopper");
            release(app, repo);

            CliSession.Result refused =
                    admin.run("release", app, "--repo", repo.dir().toString(), "--commit", c1.sha(), "--no-image");

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.stderr()).contains("--yes");
            assertThat(refused.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(admin.json("release", "list", app).values()).hasSize(2);
        }
    }

    @Test
    void deployingARollbackReleaseOverTheNewerCommitNeedsRollbackEvenThoughItsVersionIsHigher() {
        String app = newApp("flow-release-back-deploy");
        try (CliGitRepo repo = CliGitRepo.create()) {
            Commit c1 = repo.commit("One", "Ada Lovelace");
            release(app, repo);
            repo.commit("Two", "Grace Hopper");
            release(app, repo);
            waitedFor("deploy", app, "dev");
            admin.ok("release", app, "--repo", repo.dir().toString(), "--commit", c1.sha(), "--no-image", "--yes");

            CliSession.Result refused = admin.run("deploy", app, "dev", "--version", "3");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(5);
            assertThat(refused.stderrLines())
                    .singleElement()
                    .asString()
                    .contains("v3")
                    .contains("--rollback");

            JsonNode accepted = waitedFor("deploy", app, "dev", "--version", "3", "--rollback")
                    .json();
            assertThat(accepted.path("status").asString()).isEqualTo("succeeded");
            assertThat(accepted.path("rollback").asBoolean()).isTrue();
            assertThat(runningVersion(app, "dev")).isEqualTo(3);
        }
    }

    /**
     * The whole story on one app, in the order a team lives it: two releases from git, deploy, redeploy,
     * refused and accepted rollback, the rollback command, promotion, an approved prod deploy, then status,
     * history and the audit chain.
     */
    @Test
    void oneAppGoesFromItsFirstReleaseToAnApprovedProdDeployThroughTheCli() {
        String app = newApp("flow-whole");
        try (CliGitRepo repo = CliGitRepo.create()) {
            repo.commit("Scaffold service", "Ada Lovelace");
            Commit c2 = repo.commit("Add orders API", "Grace Hopper");
            JsonNode v1 = admin.json("release", app, "--repo", repo.dir().toString(), "--image", digestImage(app, '1'));
            Commit c3 = repo.commit("Validate order totals", "Linus Torvalds");
            Commit c4 = repo.commit("Speed up order search", "Ada Lovelace");
            JsonNode v2 = admin.json("release", app, "--repo", repo.dir().toString(), "--image", digestImage(app, '2'));
            assertThat(v1.path("changelog").asString()).isEqualTo(c2.changelogLine());
            assertThat(v2.path("changelog").asString()).isEqualTo(c4.changelogLine() + "\n" + c3.changelogLine());
            assertThat(strings(v2.path("commits"))).containsExactly(c4.sha(), c3.sha());

            waitedFor("deploy", app, "dev");
            waitedFor("deploy", app, "dev");
            CliSession.Result refused = admin.run("deploy", app, "dev", "--version", "1");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(5);
            assertThat(refused.stderrLines()).singleElement().asString().contains("--rollback");
            waitedFor("deploy", app, "dev", "--version", "1", "--rollback");
            waitedFor("deploy", app, "dev");
            waitedFor("rollback", app, "dev");
            waitedFor("promote", app, "--from", "dev", "--to", "staging");
            waitedFor("deploy", app, "dev");
            String prodDeploy = admin.json("deploy", app, "prod").path("id").asString();
            assertThat(admin.run("approve", prodDeploy).exitCode()).isEqualTo(3);
            reviewer.ok("approve", prodDeploy);
            assertThat(awaitFinished(prodDeploy)).isEqualTo("succeeded");

            List<JsonNode> devDeploys =
                    List.copyOf(admin.json("deploys", app, "dev").values());
            assertThat(devDeploys)
                    .extracting(
                            d -> d.path("version").asLong(),
                            d -> d.path("reason").asString(),
                            d -> d.path("status").asString())
                    .containsExactly(
                            Tuple.tuple(2L, "manual", "succeeded"),
                            Tuple.tuple(1L, "rollback", "succeeded"),
                            Tuple.tuple(2L, "manual", "succeeded"),
                            Tuple.tuple(1L, "rollback", "succeeded"),
                            Tuple.tuple(2L, "redeploy", "succeeded"),
                            Tuple.tuple(2L, "manual", "succeeded"));
            JsonNode staging = admin.json("deploys", app, "staging").get(0);
            assertThat(staging.path("version").asLong()).isEqualTo(1);
            assertThat(staging.path("reason").asString()).isEqualTo("promotion");

            JsonNode status = admin.json("status", "--only", "^" + app + "$");
            assertThat(status.path("entries").values())
                    .extracting(
                            e -> e.path("environment").asString(),
                            e -> nullableLong(e.path("version")),
                            e -> e.path("behind").asLong())
                    .containsExactly(
                            Tuple.tuple("dev", 2L, 0L), Tuple.tuple("staging", 1L, 1L), Tuple.tuple("prod", 2L, 0L));

            assertThat(admin.json("release", "find", app, "--commit", c3.sha())
                            .path("version")
                            .asLong())
                    .isEqualTo(2);
            assertThat(admin.json("release", "log", app, "v1..v2").values())
                    .extracting(r -> r.path("version").asLong())
                    .containsExactly(2L);
            JsonNode audit = admin.json("audit", "--subject", "app/" + app + "/env/prod");
            assertThat(audit.values())
                    .extracting(e -> e.path("action").asString())
                    .contains("deploy.requested", "deploy.approved");
            JsonNode verify = admin.json("audit", "verify");
            assertThat(verify.path("ok").asBoolean()).isTrue();
            assertThat(verify.path("checked").asLong()).isGreaterThan(20);
        }
    }

    @Test
    void auditVerifyExitsZeroAndReportsAnIntactChain() {
        CliSession.Result verify = admin.ok("audit", "verify");

        assertThat(verify.json().path("ok").asBoolean()).isTrue();
        assertThat(verify.json().path("checked").asLong()).isPositive();
        assertThat(admin.withEnv("CATAPULT_FORMAT", "table")
                        .ok("audit", "verify")
                        .stdout())
                .startsWith("audit chain ok: ");
    }

    // ---------------------------------------------------------------------------------------------------

    private String newApp(String name) {
        JsonNode app = admin.json("app", "create", name, "--image", "registry.example.test/shop/" + name);
        assertThat(app.path("name").asString()).isEqualTo(name);
        return name;
    }

    /** Runs a command that deploys ({@code deploy}, {@code rollback}, {@code promote}) with {@code --wait}; exit 0. */
    private CliSession.Result waitedFor(String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        line.addAll(List.of("--wait", "--timeout", "60s"));
        return admin.ok(line.toArray(String[]::new));
    }

    /** The deploy {@code result} printed went back to {@code version}, succeeded, and is what runs in dev. */
    private JsonNode assertRolledBackInDev(CliSession.Result result, String app, long version, String summary) {
        JsonNode deploy = result.json();
        assertThat(deploy.path("status").asString()).isEqualTo("succeeded");
        assertThat(deploy.path("version").asLong()).isEqualTo(version);
        assertThat(deploy.path("rollback").asBoolean()).isTrue();
        assertThat(deploy.path("reason").asString()).isEqualTo("rollback");
        assertThat(result.stderr()).contains(summary);
        assertThat(runningVersion(app, "dev")).isEqualTo(version);
        return deploy;
    }

    private JsonNode release(String app, CliGitRepo repo) {
        return admin.json("release", app, "--repo", repo.dir().toString(), "--no-image");
    }

    private static String digestImage(String app, char fill) {
        return "registry.example.test/shop/" + app + "@sha256:"
                + String.valueOf(fill).repeat(64);
    }

    private Long runningVersion(String app, String env) {
        JsonNode status = admin.json("status", "--only", "^" + app + "$", "--env", env);
        return nullableLong(status.path("entries").get(0).path("version"));
    }

    private String contains(String app, long version, Commit commit) {
        RawResponse r = Api.of(server.url(), Servers.ADMIN_TOKEN)
                .exchangeJson(
                        "GET",
                        "/api/v1/apps/" + app + "/releases/" + version + "/contains?commit=" + commit.sha(),
                        null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("contains").asString();
    }

    private String deployStatus(String id) {
        RawResponse r = Api.of(server.url(), Servers.ADMIN_TOKEN).exchangeJson("GET", "/api/v1/deploys/" + id, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("status").asString();
    }

    /** Polls the deploy until it is final; fails after 30 s. */
    private String awaitFinished(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String status = deployStatus(id);
        while (!List.of("succeeded", "failed", "cancelled").contains(status)) {
            assertThat(Instant.now()).as("deploy %s still %s", id, status).isBefore(deadline);
            Servers.sleep(100);
            status = deployStatus(id);
        }
        return status;
    }

    private static List<String> strings(JsonNode array) {
        assertThat(array.isArray()).as("array expected: %s", array).isTrue();
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static Long nullableLong(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asLong();
    }

    private static String nullableString(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
