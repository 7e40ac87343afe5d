package dev.catapult.deploy;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/apps/{app}/environments/{env}/rollback-target}: the one answer to "roll back to what". */
class RollbackTargetApiTest extends ServerTest {
    private static final String REPO = "127.0.0.1:5000/shop/api";
    private static final String TARGET = "/api/v1/apps/shop/environments/dev/rollback-target";

    @BeforeEach
    void ledger() {
        api.post("/api/v1/environments", map("name", "dev", "rank", 10));
        api.post("/api/v1/apps", map("name", "shop", "image", REPO));
        for (int v = 1; v <= 4; v++) {
            api.post("/api/v1/apps/shop/releases", map("commit", sha(v), "image", digestRef(REPO, v)));
        }
    }

    private String deploy(long version, boolean rollback) throws InterruptedException {
        Api.Response r = api.post(
                "/api/v1/apps/shop/deploys", map("environment", "dev", "version", version, "rollback", rollback));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        String id = r.json().get("id").asString();
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(until)) {
            if (api.get("/api/v1/deploys/" + id).json().get("status").asString().equals("succeeded")) {
                return id;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("deploy " + id + " did not succeed");
    }

    @Test
    void theTargetIsTheLatestSuccessOfAnOlderVersionNotTheHighestOne() throws InterruptedException {
        deploy(3, false);
        String ranTwo = deploy(2, true);
        deploy(4, false);

        Api.Response r = api.get(TARGET);

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode target = r.json();
        assertThat(target.get("app").asString()).isEqualTo("shop");
        assertThat(target.get("environment").asString()).isEqualTo("dev");
        assertThat(target.get("running").asLong()).isEqualTo(4);
        assertThat(target.get("version").asLong()).isEqualTo(2);
        assertThat(target.get("deployId").asString()).isEqualTo(ranTwo);
        assertThat(target.get("deployedAt").asString()).isNotBlank();
    }

    @Test
    void aRedeployOfTheRunningVersionIsNotATarget() throws InterruptedException {
        String ranOne = deploy(1, false);
        deploy(2, false);
        deploy(2, false);

        assertThat(api.get(TARGET).json().get("deployId").asString()).isEqualTo(ranOne);
    }

    @Test
    void withNothingRunningItIsNotFoundSayingSo() {
        Api.Response r = api.get(TARGET);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.detail()).isEqualTo("app 'shop' has no successful deploy in 'dev'");
    }

    @Test
    void withNothingOlderThatRanItIsNotFoundSayingSo() throws InterruptedException {
        deploy(2, false);
        deploy(1, true);

        Api.Response r = api.get(TARGET);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.detail())
                .isEqualTo(
                        "no version older than the running v1 of app 'shop' has run in 'dev': nothing to roll back to");
    }

    @Test
    void unknownAppsAndEnvironmentsAreNotFound() {
        assertThat(api.get("/api/v1/apps/nope/environments/dev/rollback-target").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/apps/shop/environments/nope/rollback-target")
                        .status())
                .isEqualTo(404);
    }

    /** Like every read route: any valid token may read (every scope grants read), no or a bad token may not. */
    @Test
    void readingNeedsAValidTokenOfAnyScope() throws InterruptedException {
        deploy(1, false);
        deploy(2, false);
        String reporter = tokenFor("ci", "service", "deploy:report");

        assertThat(api.as(reporter).get(TARGET).status()).isEqualTo(200);
        assertThat(api.as(null).get(TARGET).status()).isEqualTo(401);
        assertThat(api.as("not-a-token").get(TARGET).status()).isEqualTo(401);
    }
}
