package dev.catapult.ui;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.access.TotpCodes;
import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Signing in to the UI with a user's password (+ TOTP code), over plain HTTP. */
class UiPasswordSignInTest extends ServerTest {
    private static final String PASSWORD = "correct horse battery staple";
    private UiHttp ui;
    private String aliceId;

    @BeforeEach
    void alice() {
        ui = new UiHttp(port);
        aliceId = user("alice", PASSWORD);
    }

    @Test
    void aUserSignsInWithNameAndPasswordAndAWrongPasswordIsRefused() {
        HttpResponse<String> wrong = ui.signInWithPassword("alice", "not the password", "");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body())
                .contains("Wrong name or password.")
                .contains("value=\"alice\"")
                .doesNotContain("not the password");

        HttpResponse<String> ok = ui.signInWithPassword("Alice", PASSWORD, "");
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).endsWith("/ui");
        assertThat(ok.headers().firstValue("Set-Cookie"))
                .as("a new session id after signing in")
                .isPresent();
        HttpResponse<String> dashboard = ui.get("/ui");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<span class=\"who\">alice</span>");
    }

    @Test
    void fiveFailuresLockANameForAWhileWhetherOrNotItExists() {
        for (int i = 0; i < 5; i++) {
            assertThat(ui.signInWithPassword("alice", "guess " + i, "").statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> locked = ui.signInWithPassword("alice", PASSWORD, "");
        assertThat(locked.statusCode())
                .as("even the right password is refused while locked")
                .isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed sign-ins for this name; try again after");
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 15 * 60L);
        JsonNode audited = api.get("/api/v1/audit?action=sign-in.locked").json().get("items");
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).get("subject").asString()).isEqualTo("principal/alice");

        // A name nobody has is limited the same way, so the limiter does not tell which names exist.
        for (int i = 0; i < 5; i++) {
            assertThat(ui.signInWithPassword("mallory", "guess " + i, "").statusCode())
                    .isEqualTo(401);
        }
        assertThat(ui.signInWithPassword("mallory", "guess 6", "").body())
                .contains("Too many failed sign-ins for this name");
        assertThat(api.get("/api/v1/audit?action=sign-in.locked").json().get("items"))
                .hasSize(1);

        // Once the failures are older than the window, the right password works again and clears them.
        jdbc.sql("update sign_in_failures set at = at - interval '15 minutes 1 second'")
                .update();
        assertThat(ui.signInWithPassword("alice", PASSWORD, "").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from sign_in_failures where name = 'alice'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anEnrolledUserNeedsAFreshCodeAndEachCodeWorksOnce() {
        String secret = enrolTotp(aliceId);
        HttpResponse<String> noCode = ui.signInWithPassword("alice", PASSWORD, "");
        assertThat(noCode.statusCode()).isEqualTo(401);
        assertThat(noCode.body())
                .contains("This account uses a TOTP code: enter your password again and the current code");
        assertThat(ui.get("/ui").statusCode()).as("not signed in yet").isEqualTo(302);

        String wrongCode = TotpCodes.at(secret, Instant.now()).equals("000000") ? "111111" : "000000";
        HttpResponse<String> wrong = ui.signInWithPassword("alice", PASSWORD, wrongCode);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("The TOTP code is wrong or was already used.");
        HttpResponse<String> wrongPasswordRightCode =
                ui.signInWithPassword("alice", "not the password", TotpCodes.at(secret, Instant.now()));
        assertThat(wrongPasswordRightCode.body()).contains("Wrong name or password.");

        String code = TotpCodes.at(secret, Instant.now());
        assertThat(ui.signInWithPassword("alice", PASSWORD, code).statusCode()).isEqualTo(302);
        assertThat(ui.get("/ui").statusCode()).isEqualTo(200);

        UiHttp other = new UiHttp(port);
        HttpResponse<String> replay = other.signInWithPassword("alice", PASSWORD, code);
        assertThat(replay.statusCode()).as("a code is accepted once").isEqualTo(401);
        assertThat(replay.body()).contains("The TOTP code is wrong or was already used.");
    }

    @Test
    void onlyUsersWithAPasswordWhoAreNotDisabledSignIn() {
        String serviceToken = tokenFor("robot", "service", "read");
        assertThat(ui.signInWithPassword("robot", PASSWORD, "").body()).contains("Wrong name or password.");
        assertThat(ui.signInWithPassword("admin", PASSWORD, "").body()).contains("Wrong name or password.");

        String aliceToken = token(aliceId, "read");
        assertThat(ui.signInWithPassword("alice", PASSWORD, "").statusCode()).isEqualTo(302);
        assertThat(ui.get("/ui").statusCode()).isEqualTo(200);

        jdbc.sql("update principals set disabled_at = now() where name = 'alice'")
                .update();
        assertThat(ui.get("/ui").statusCode())
                .as("a disabled principal's sessions end at once")
                .isEqualTo(302);
        HttpResponse<String> refused = new UiHttp(port).signInWithPassword("alice", PASSWORD, "");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("This account is disabled.");
        assertThat(api.as(aliceToken).get("/api/v1/status").status())
                .as("and its tokens fail")
                .isEqualTo(401);
        assertThat(api.as(serviceToken).get("/api/v1/status").status()).isEqualTo(200);
    }

    @Test
    void aPasswordSessionMayDoWhatThePrincipalsLiveTokensAllowAndActsUnderItsName() {
        api.post("/api/v1/environments", map("name", "dev", "rank", 10));
        api.post("/api/v1/apps", map("name", "shop", "image", "127.0.0.1:5000/shop"));
        api.post("/api/v1/apps/shop/releases", map("commit", sha(1), "image", digestRef("127.0.0.1:5000/shop", 1)));
        assertThat(ui.signInWithPassword("alice", PASSWORD, "").statusCode()).isEqualTo(302);

        String page = ui.get("/ui/apps/shop").body();
        assertThat(page)
                .as("no live token: read only")
                .doesNotContain("id=\"deploy-dev\"")
                .contains("no deploy permission");
        String csrf = UiHttp.csrfIn(page);
        assertThat(ui.post("/ui/apps/shop/deploys", "_csrf", csrf, "environment", "dev", "version", "1")
                        .statusCode())
                .isEqualTo(302);
        assertThat(ui.get("/ui/apps/shop").body()).contains("token lacks the scope deploy:shop:dev");
        assertThat(api.get("/api/v1/apps/shop/deploys").json().get("items")).isEmpty();

        String tokenId = tokenId(aliceId, "deploy:shop:*");
        assertThat(ui.get("/ui/apps/shop").body())
                .as("the new token's scope applies at once")
                .contains("id=\"deploy-dev\"");
        assertThat(ui.post("/ui/apps/shop/deploys", "_csrf", csrf, "environment", "dev", "version", "1")
                        .statusCode())
                .isEqualTo(302);
        JsonNode deploys = api.get("/api/v1/apps/shop/deploys").json().get("items");
        assertThat(deploys).hasSize(1);
        assertThat(deploys.get(0).get("actor").asString()).isEqualTo("alice");
        assertThat(api.get("/api/v1/audit?action=deploy.requested")
                        .json()
                        .get("items")
                        .get(0)
                        .get("actor")
                        .asString())
                .isEqualTo("alice");

        assertThat(api.delete("/api/v1/tokens/" + tokenId).status()).isBetween(200, 204);
        assertThat(ui.get("/ui/apps/shop").body())
                .as("revoking narrows the session at once")
                .doesNotContain("id=\"deploy-dev\"");
        assertThat(ui.get("/ui").statusCode())
                .as("but the session stays, read-only")
                .isEqualTo(200);
    }

    private String user(String name, String password) {
        Api.Response p = api.post("/api/v1/principals", map("name", name, "kind", "user", "password", password));
        assertThat(p.status()).as(p.raw()).isEqualTo(201);
        return p.json().get("id").asString();
    }

    private String token(String principalId, String... scopes) {
        return api.post("/api/v1/principals/" + principalId + "/tokens", map("name", "t", "scopes", List.of(scopes)))
                .json()
                .get("secret")
                .asString();
    }

    private String tokenId(String principalId, String... scopes) {
        return api.post("/api/v1/principals/" + principalId + "/tokens", map("name", "t", "scopes", List.of(scopes)))
                .json()
                .get("id")
                .asString();
    }

    /** Enrols TOTP as the user does (with a token of their own), confirming with the previous step's code. */
    private String enrolTotp(String principalId) {
        Api.Response t = api.post(
                "/api/v1/principals/" + principalId + "/tokens",
                map(
                        "name",
                        "enrol",
                        "scopes",
                        List.of("read"),
                        "expiresAt",
                        Instant.now().plusSeconds(60).toString()));
        Api.Response started =
                api.as(t.json().get("secret").asString()).post("/api/v1/principals/" + principalId + "/totp", map());
        String secret = started.json().get("secret").asString();
        Api.Response confirmed = api.as(t.json().get("secret").asString())
                .post(
                        "/api/v1/principals/" + principalId + "/totp",
                        map("code", TotpCodes.at(secret, Instant.now().minusSeconds(30))));
        assertThat(confirmed.json().get("enrolled").asBoolean())
                .as(confirmed.raw())
                .isTrue();
        api.delete("/api/v1/tokens/" + t.json().get("id").asString());
        return secret;
    }
}
