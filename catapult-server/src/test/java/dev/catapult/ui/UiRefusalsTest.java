package dev.catapult.ui;

import static dev.catapult.testing.Api.map;
import static dev.catapult.ui.UiSeeds.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.ServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the UI answers to wrong links, malformed forms, missing CSRF tokens and missing permissions: an HTML
 * page with the right status and a message, never a stack trace, and nothing changed.
 */
class UiRefusalsTest extends ServerTest {
    private UiHttp ui;
    private String csrf;

    @BeforeEach
    void shop() {
        UiSeeds.shopInDevAndProd(api);
        api.post("/api/v1/apps/shop/releases", map("commit", sha(1), "image", digestRef(REPO, 1)));
        api.put(
                "/api/v1/apps/shop/targets/dev",
                map("deployer", map("type", "record"), "watch", map("policy", "semver", "autoDeploy", false)));
        ui = new UiHttp(port);
        assertThat(ui.signInWithToken(ADMIN_TOKEN).statusCode()).isEqualTo(302);
        csrf = ui.csrf("/ui");
    }

    private static void assertPage(HttpResponse<String> r, int status, String message) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body())
                .contains("role=\"alert\"")
                .contains(message)
                .doesNotContain("Exception")
                .doesNotContain("at dev.catapult");
    }

    @Test
    void unknownAppsEnvironmentsAndDigestsAre404Pages() {
        assertPage(ui.get("/ui/apps/nope"), 404, "app &#39;nope&#39; not found");
        assertPage(ui.get("/ui/apps/shop/targets/nope/pin?tag=1.4"), 404, "environment &#39;nope&#39; not found");
        assertPage(
                ui.get("/ui/apps/shop/targets/prod/hold"),
                404,
                "app &#39;shop&#39; has no target in environment &#39;prod&#39;");
        assertPage(ui.get("/ui/apps/shop/deploy?environment=nope&version=1"), 404, "not found");
        assertPage(ui.get("/ui/apps/shop/promote?from=dev&to=nope"), 404, "environment &#39;nope&#39; not found");
        assertPage(ui.get("/ui/artifacts/" + UiSeeds.digest(7)), 404, "artifact " + UiSeeds.digest(7) + " not found");
        assertPage(ui.get("/ui/layers/" + UiSeeds.digest(7) + "/files?path=etc/passwd"), 404, "has not been scanned");
        assertPage(ui.get("/ui/instances?app=nope"), 404, "app &#39;nope&#39; not found");
        assertPage(ui.get("/ui/instances?environment=nope"), 404, "environment &#39;nope&#39; not found");
    }

    @Test
    void malformedInputIsA400PageNamingTheProblem() {
        assertPage(ui.get("/ui/artifacts/latest"), 400, "is not a digest of the form sha256:");
        assertPage(ui.get("/ui/layers/sha256:abc/files?path=x"), 400, "is not a digest");
        assertPage(ui.get("/ui/layers/" + UiSeeds.digest(7) + "/files"), 400, "path: is required");
        assertPage(ui.get("/ui/artifacts?cursor=garbage"), 400, "cursor");
        assertPage(
                ui.get("/ui/apps/shop/deploy?environment=dev&version=latest"),
                400,
                "The form&#39;s &#39;version&#39; has the wrong type.");
        assertPage(ui.get("/ui/apps/shop/targets/dev/pin?tag=no%20spaces"), 400, "must be an image tag");
        assertPage(ui.get("/ui/apps/shop/promote?from=dev"), 400, "The form is missing &#39;to&#39;.");
        assertPage(ui.get("/ui/apps/shop/promote?from=dev&to=dev"), 400, "must differ");
        assertPage(ui.post("/ui/apps/shop/targets/dev/pin", "_csrf", csrf), 400, "The form is missing &#39;tag&#39;.");
        assertPage(
                ui.post("/ui/apps/shop/deploys", "_csrf", csrf, "environment", "dev", "version", "v1"),
                400,
                "&#39;version&#39; has the wrong type");
        assertPage(
                ui.post("/ui/apps/shop/targets/dev/hold", "_csrf", csrf, "reason", "x", "until", "next tuesday"),
                400,
                "&#39;next tuesday&#39; is not a date and time like 2026-05-01T14:30");
        assertPage(
                ui.post("/ui/apps/shop/targets/dev/auto-deploy", "_csrf", csrf, "enabled", "perhaps"),
                400,
                "&#39;enabled&#39; has the wrong type");
        assertThat(api.get("/api/v1/audit?action=watch.held").json().get("items"))
                .isEmpty();
        assertThat(api.get("/api/v1/apps/shop/deploys").json().get("items")).isEmpty();
    }

    @Test
    void commandsTheStateDoesNotAllowAreExplainedNotDone() {
        assertPage(ui.get("/ui/apps/shop/promote?from=dev&to=prod"), 409, "no successful deploy in &#39;dev&#39;");
        assertPage(
                ui.get("/ui/apps/shop/promote?from=prod&to=dev"), 409, "promotion goes to a higher-ranked environment");
        assertPage(ui.get("/ui/apps/shop/targets/dev/hold/release"), 409, "is not held");
        api.put("/api/v1/apps/shop/targets/prod", map("deployer", map("type", "record")));
        assertPage(ui.get("/ui/apps/shop/targets/prod/pin?tag=1.4"), 409, "shop is not watched in prod");

        // A refusal by the module (here: a blank reason) comes back to the app page as its message.
        assertThat(ui.post("/ui/apps/shop/targets/dev/hold", "_csrf", csrf, "reason", " ")
                        .statusCode())
                .isEqualTo(302);
        assertThat(ui.get("/ui/apps/shop").body()).contains("reason: is required (at most 500 characters)");
        assertThat(api.get("/api/v1/apps/shop/targets/dev").json().get("watch").has("hold"))
                .isFalse();
    }

    @Test
    void commandsWithoutTheSessionsCsrfTokenAre403AndChangeNothing() {
        String[][] posts = {
            {"/ui/apps/shop/targets/dev/pin", "tag", "1.4"},
            {"/ui/apps/shop/targets/dev/unpin", "x", "y"},
            {"/ui/apps/shop/targets/dev/hold", "reason", "incident"},
            {"/ui/apps/shop/targets/dev/hold/release", "x", "y"},
            {"/ui/apps/shop/promote", "from", "dev"},
            {"/ui/apps/shop/targets/dev/auto-deploy", "enabled", "true"},
        };
        for (String[] p : posts) {
            assertThat(ui.post(p[0], p[1], p[2]).statusCode()).as(p[0]).isEqualTo(403);
            assertThat(ui.post(p[0], p[1], p[2], "_csrf", "0".repeat(64)).statusCode())
                    .as(p[0])
                    .isEqualTo(403);
        }
        assertThat(api.get("/api/v1/audit?subject=app/shop").json().findValuesAsString("action"))
                .as("nothing changed")
                .containsOnly("app.created", "release.created", "target.set");
        assertThat(api.get("/api/v1/apps/shop/targets/dev")
                        .json()
                        .get("watch")
                        .get("policy")
                        .asString())
                .isEqualTo("semver");
    }

    @Test
    void controlsAreShownAndCommandsAcceptedOnlyForThoseAllowed() {
        UiHttp reader = new UiHttp(port);
        reader.signInWithToken(tokenFor("reader", "service", "read"));
        String page = reader.get("/ui/apps/shop").body();
        assertThat(page)
                .doesNotContain("id=\"pin-dev\"")
                .doesNotContain("id=\"hold-dev-start\"")
                .doesNotContain("id=\"promote\"")
                .doesNotContain("id=\"auto-deploy-dev\"")
                .contains("semver");
        assertPage(reader.get("/ui/apps/shop/targets/dev/pin?tag=1.4"), 403, "token lacks the scope watch:shop:dev");
        assertPage(reader.get("/ui/apps/shop/targets/dev/hold"), 403, "watch:shop:dev");
        assertPage(reader.get("/ui/apps/shop/promote?from=dev&to=prod"), 403, "deploy:shop:prod");
        assertThat(reader.post("/ui/apps/shop/targets/dev/pin", "_csrf", reader.csrf("/ui"), "tag", "1.4")
                        .statusCode())
                .isEqualTo(302);
        assertThat(reader.get("/ui/apps/shop").body()).contains("token lacks the scope watch:shop:dev");
        assertThat(api.get("/api/v1/apps/shop/targets/dev")
                        .json()
                        .get("watch")
                        .get("policy")
                        .asString())
                .isEqualTo("semver");

        UiHttp watcher = new UiHttp(port);
        watcher.signInWithToken(tokenFor("watcher", "service", "watch:shop:dev"));
        assertThat(watcher.get("/ui/apps/shop").body())
                .contains("id=\"pin-dev\"", "id=\"hold-dev-start\"")
                .doesNotContain("id=\"promote\"");
    }
}
