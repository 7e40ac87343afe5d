package dev.catapult.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.catapult.cli.support.CatapultServerExtension;
import dev.catapult.cli.support.CliRun;
import dev.catapult.cli.support.Seed;
import dev.catapult.cli.support.ServerTap;
import dev.catapult.client.ApiPath;
import dev.catapult.client.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class WatchCommandTest {

    private static final String TARGET = "/api/v1/apps/shop/targets/prod";

    @TempDir
    Path home;

    @RegisterExtension
    static final CatapultServerExtension server = new CatapultServerExtension();

    /** When bob held prod, as the server recorded it (seconds, as the CLI prints it). */
    Instant heldAt;

    @BeforeEach
    void start() {
        Seed seed = new Seed(server)
                .environment("staging", 20)
                .environment("prod", 30)
                .environment("qa", 40)
                .app("shop", "reg/shop");
        Map<String, Object> watch = new LinkedHashMap<>();
        watch.put("policy", "semver-minor");
        watch.put("autoDeploy", true);
        watch.put("include", "^v1\\.");
        watch.put("allowPrerelease", false);
        watch.put("minAge", "PT1H30M");
        seed.target("shop", "prod", false, watch);
        seed.target("shop", "staging", false, Map.of());
        JsonNode held = server.api()
                .withToken(server.tokenFor("bob", "admin"))
                .post(
                        ApiPath.of("apps", "shop", "targets", "prod", "watch", "hold"),
                        Map.of("reason", "rolled back by bob"));
        heldAt = Instant.parse(held.path("watch").path("hold").path("at").asString())
                .truncatedTo(ChronoUnit.SECONDS);
        lastEvaluation("""
        {"outcome":"held","why":"target is held: rolled back by bob","tag":"v1.4.2","trigger":"poll",
         "at":"2025-03-01T10:05:00Z"}
        """);
    }

    /**
     * Stores the watcher's last evaluation of prod, and none of staging. A real "held" one needs a registry
     * serving tags, so the test writes the stored form, after the evaluations the seeding itself queued have
     * run (they would overwrite it).
     */
    private static void lastEvaluation(String json) {
        JdbcClient jdbc = server.bean(JdbcClient.class);
        Instant deadline = Instant.now().plusSeconds(20);
        while (jdbc.sql("select count(*) from jobs where status in ('queued', 'running')")
                        .query(Long.class)
                        .single()
                > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the watch evaluations queued by the seeding did not finish");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        jdbc.sql("""
        update targets set last_evaluation = cast(? as jsonb)
        where app_id = (select id from apps where name = 'shop') and environment_id = (select id from environments where name = 'prod')
        """).param(json).update();
        jdbc.sql("""
        update targets set last_evaluation = null, last_evaluated_at = null
        where app_id = (select id from apps where name = 'shop') and environment_id = (select id from environments where name = 'staging')
        """).update();
    }

    private CliRun.Result run(String... args) {
        return CliRun.against(server, home).run(args);
    }

    private CliRun.Result runOnTerminal(String... args) {
        return CliRun.against(server, home).interactive(true).run(args);
    }

    private JsonNode sentPatch() {
        return Json.parse(server.requests("PATCH", TARGET + "/watch").getLast().body());
    }

    private JsonNode sentHold() {
        return Json.parse(
                server.requests("POST", "/api/v1/apps/shop/targets/").getLast().body());
    }

    @Test
    void showPrintsTheWatchHoldAndLastEvaluationAsAlignedFieldsOnATerminal() {
        CliRun.Result result = runOnTerminal("watch", "shop", "prod");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("""
        app              shop
        environment      prod
        policy           semver-minor
        auto-deploy      on
        include          ^v1\\.
        min age          1h30m
        hold             rolled back by bob
        hold until       released by hand
        held by          bob at %s
        last evaluation  held
        why              target is held: rolled back by bob
        tag              v1.4.2
        evaluated        2025-03-01T10:05:00Z (poll)
        """.formatted(heldAt));
        assertThat(server.requests()).extracting(ServerTap.Recorded::method).containsExactly("GET");
    }

    @Test
    void showPrintsTheTargetViewJsonWhenPiped() {
        CliRun.Result result = run("watch", "shop", "prod");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode target = Json.parse(result.stdout());
        assertThat(target.path("app").asString()).isEqualTo("shop");
        assertThat(target.path("watch").path("policy").asString()).isEqualTo("semver-minor");
        assertThat(target.path("watch").path("hold").path("reason").asString()).isEqualTo("rolled back by bob");
    }

    @Test
    void showSaysWhenATargetIsNotWatched() {
        CliRun.Result result = runOnTerminal("watch", "shop", "staging");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("policy       none (not watched; set one with --policy)");
    }

    @Test
    void settingThePolicySendsOnePatchAndPrintsTheResultingWatch() {
        CliRun.Result result = runOnTerminal("watch", "shop", "staging", "--policy", "semver");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(server.requests("PATCH", "/api/v1/apps/shop/targets/staging/watch"))
                .hasSize(1);
        assertThat(Json.parse(server.requests("PATCH", "/api/v1/apps/shop/targets/staging/watch")
                        .getLast()
                        .body()))
                .isEqualTo(Json.parse("{\"policy\":\"semver\"}"));
        assertThat(result.stdout()).contains("policy       semver", "auto-deploy  off");
        assertThat(server.requests("GET", "/api/v1/apps/shop/targets")).isEmpty();
    }

    @Test
    void pinningATagImpliesThePinnedPolicy() {
        CliRun.Result result = run("watch", "shop", "prod", "--pin", "stable");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(sentPatch()).isEqualTo(Json.parse("{\"policy\":\"pinned\",\"pinnedTag\":\"stable\"}"));
        JsonNode watch = Json.parse(result.stdout()).path("watch");
        assertThat(watch.path("policy").asString()).isEqualTo("pinned");
        assertThat(watch.path("pinnedTag").asString()).isEqualTo("stable");
        assertThat(watch.path("hold").path("reason").asString())
                .as("a settings change keeps the hold")
                .isEqualTo("rolled back by bob");
    }

    @Test
    void pinWithAnotherPolicyIsAUsageError() {
        CliRun.Result result = run("watch", "shop", "prod", "--pin", "stable", "--policy", "semver");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("error: --pin means --policy pinned, not semver");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void autoDeployIsToggledOffAndOn() {
        CliRun.Result off = runOnTerminal("watch", "shop", "prod", "--auto-deploy", "off");

        assertThat(off.exitCode()).as(off.stderr()).isZero();
        assertThat(sentPatch()).isEqualTo(Json.parse("{\"autoDeploy\":false}"));
        assertThat(off.stdout()).contains("auto-deploy      off");

        CliRun.Result on = runOnTerminal("watch", "shop", "prod", "--auto-deploy", "ON");

        assertThat(on.exitCode()).as(on.stderr()).isZero();
        assertThat(sentPatch()).isEqualTo(Json.parse("{\"autoDeploy\":true}"));
        assertThat(on.stdout()).contains("auto-deploy      on");
    }

    @Test
    void filtersAndSettingsGoInOnePatchAndAnEmptyValueClearsASetting() {
        CliRun.Result result = run(
                "watch",
                "shop",
                "prod",
                "--policy",
                "regex",
                "--include",
                "^build-(\\d+)$",
                "--exclude",
                "-dirty$",
                "--allow-prerelease",
                "--min-age",
                "",
                "--order",
                "numeric",
                "--auto-deploy",
                "on");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(server.requests("PATCH", TARGET + "/watch")).hasSize(1);
        assertThat(sentPatch()).isEqualTo(Json.parse("""
        {"policy":"regex","autoDeploy":true,"allowPrerelease":true,"include":"^build-(\\\\d+)$",
         "exclude":"-dirty$","minAge":null,"order":"numeric"}
        """));
        JsonNode watch = Json.parse(result.stdout()).path("watch");
        assertThat(watch.has("minAge")).isFalse();
        assertThat(watch.path("order").asString()).isEqualTo("numeric");
    }

    @Test
    void noAllowPrereleaseTurnsPrereleasesOff() {
        CliRun.Result result = run("watch", "shop", "prod", "--no-allow-prerelease");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(sentPatch()).isEqualTo(Json.parse("{\"allowPrerelease\":false}"));
    }

    @Test
    void holdWithADurationHoldsUntilThatLongFromNow() {
        Instant before = Instant.now();

        CliRun.Result result = runOnTerminal("watch", "shop", "staging", "--hold", "incident 42", "--until", "2h");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(sentHold().path("reason").asString()).isEqualTo("incident 42");
        Instant until = Instant.parse(sentHold().path("until").asString());
        assertThat(until).isCloseTo(before.plus(Duration.ofHours(2)), within(1, ChronoUnit.MINUTES));
        assertThat(result.stdout())
                .contains(
                        "hold         incident 42",
                        "hold until   " + until.truncatedTo(ChronoUnit.SECONDS),
                        "held by      alice at ");
        assertThat(server.requests("PATCH", "/api/v1/apps")).isEmpty();
    }

    @Test
    void holdWithAnInstantSendsThatInstant() {
        String until = Instant.now()
                .plus(Duration.ofDays(3))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();

        CliRun.Result result = run("watch", "shop", "prod", "--hold", "freeze", "--until", until);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(sentHold()).isEqualTo(Json.parse("{\"reason\":\"freeze\",\"until\":\"" + until + "\"}"));
        assertThat(Json.parse(result.stdout())
                        .path("watch")
                        .path("hold")
                        .path("until")
                        .asString())
                .isEqualTo(until);
    }

    @Test
    void holdWithoutUntilLastsUntilReleased() {
        CliRun.Result result = run("watch", "shop", "prod", "--hold", "freeze");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(sentHold()).isEqualTo(Json.parse("{\"reason\":\"freeze\"}"));
    }

    @Test
    void settingsAndAHoldAreAppliedTogether() {
        CliRun.Result result = run("watch", "shop", "prod", "--auto-deploy", "off", "--hold", "freeze");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(server.requests()).extracting(ServerTap.Recorded::method).containsExactly("PATCH", "POST");
        JsonNode watch = Json.parse(result.stdout()).path("watch");
        assertThat(watch.path("autoDeploy").asBoolean()).isFalse();
        assertThat(watch.path("hold").path("reason").asString()).isEqualTo("freeze");
    }

    @Test
    void releaseHoldDeletesTheHoldAndPrintsTheWatchWithoutIt() {
        CliRun.Result result = runOnTerminal("watch", "shop", "prod", "--release-hold");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(server.requests("DELETE", TARGET + "/watch/hold")).hasSize(1);
        assertThat(server.api()
                        .get(ApiPath.of("apps", "shop", "targets", "prod"))
                        .path("watch")
                        .has("hold"))
                .isFalse();
        assertThat(result.stdout()).contains("policy").doesNotContain("hold");
    }

    @Test
    void holdAndReleaseHoldAreMutuallyExclusive() {
        CliRun.Result result = run("watch", "shop", "prod", "--hold", "x", "--release-hold");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr())
                .isEqualTo("error: --hold and --release-hold are mutually exclusive (see 'catapult watch --help')\n");
        assertThat(server.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "watch shop prod --auto-deploy maybe",
                "watch shop prod --auto-deploy",
                "watch shop prod --policy newest",
                "watch shop prod --order random",
                "watch shop prod --until 2h",
                "watch shop prod --hold x --until soon",
                "watch shop prod --hold x --until -2h",
                "watch shop prod --hold x --until 0m",
                "watch shop",
            })
    void badValuesAreUsageErrorsThatSendNothing(String commandLine) {
        CliRun.Result result = run(commandLine.split(" "));

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("error: ");
        assertThat(result.stderr().lines()).hasSize(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aBlankHoldReasonIsAUsageError() {
        CliRun.Result result = run("watch", "shop", "prod", "--hold", " ");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("error: --hold needs a reason");
    }

    @Test
    void theServersFieldErrorsExitTwo() {
        CliRun.Result result = run("watch", "shop", "staging", "--policy", "pinned");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("error: watch.pinnedTag: is required for the pinned policy (400)\n");
    }

    @Test
    void aMissingTargetExitsFour() {
        CliRun.Result show = run("watch", "shop", "qa");
        CliRun.Result change = run("watch", "shop", "qa", "--auto-deploy", "on");
        CliRun.Result release = run("watch", "shop", "qa", "--release-hold");

        assertThat(show.exitCode()).isEqualTo(4);
        assertThat(show.stderr()).isEqualTo("error: app 'shop' has no target in environment 'qa' (404)\n");
        assertThat(change.exitCode()).isEqualTo(4);
        assertThat(release.exitCode()).isEqualTo(4);
        assertThat(change.stdout() + release.stdout()).isEmpty();
    }

    @Test
    void aMissingScopeExitsThree() {
        String reader = server.tokenFor("reader", "read");

        CliRun.Result result = CliRun.against(server, home)
                .env("CATAPULT_TOKEN", reader)
                .run("watch", "shop", "prod", "--policy", "semver");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).isEqualTo("error: token lacks the scope watch:shop:prod (403)\n");
    }
}
