package dev.catapult.platform;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a clear problem+json answer and changes nothing. */
class BadInputTest extends ServerTest {
    private static final String REPO = "127.0.0.1:5000/shop/api";

    @BeforeEach
    void app() {
        api.post("/api/v1/environments", map("name", "dev", "rank", 10));
        api.post("/api/v1/apps", map("name", "shop", "image", REPO));
    }

    private static void assertProblem(Api.Response r, int status, String detailContains) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("title").asString()).isNotBlank();
        assertThat(r.detail()).contains(detailContains);
        assertThat(r.raw()).doesNotContain("Exception").doesNotContain("at dev.catapult");
    }

    @Test
    void malformedJsonIsA400() {
        assertProblem(api.postRaw("/api/v1/apps", "{\"name\": \"x\","), 400, "not valid JSON");
        assertProblem(api.postRaw("/api/v1/apps", "[1,2]"), 400, "JSON object");
        assertProblem(api.postRaw("/api/v1/apps", ""), 400, "JSON body is required");
    }

    @Test
    void unknownFieldsAreRefusedWithTheFieldNamed() {
        Api.Response r = api.post("/api/v1/apps", map("name", "a", "image", REPO, "colour", "red"));
        assertProblem(r, 400, "colour");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("colour");
    }

    @Test
    void wrongTypesNameTheField() {
        Api.Response r = api.post("/api/v1/environments", map("name", "qa", "rank", "high"));
        assertProblem(r, 400, "rank");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("rank");
    }

    @Test
    void invalidAndMissingFieldsAreListed() {
        Api.Response bad = api.post("/api/v1/apps", map("name", "Not Valid!", "image", REPO));
        assertProblem(bad, 400, "app names match");
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        Api.Response missing = api.post("/api/v1/apps/shop/releases", map("changelog", "x"));
        assertProblem(missing, 400, "commit");
        assertThat(missing.json().get("errors").findValuesAsString("field")).contains("commit", "image");
        assertProblem(api.post("/api/v1/apps/shop/releases", map("commit", "abc", "noImage", true)), 400, "40-hex");
        assertProblem(
                api.post("/api/v1/apps/shop/releases", map("commit", sha(1), "image", REPO + "@sha256:1234")),
                400,
                "digest");
        assertProblem(
                api.post("/api/v1/apps/shop/releases", map("commit", sha(1), "image", REPO + ":1.0")),
                400,
                "no registry is configured");
        assertProblem(api.post("/api/v1/environments", map("name", "qa")), 400, "rank");
        assertProblem(api.post("/api/v1/apps/shop/deploys", map()), 400, "environment");
        assertProblem(
                api.put(
                        "/api/v1/apps/shop/targets/dev",
                        map("deployer", map("type", "webhook", "url", "ftp://x", "secretEnv", "S"))),
                400,
                "url");
        assertProblem(
                api.put("/api/v1/apps/shop/targets/dev", map("deployer", map("type", "record", "colour", 1))),
                400,
                "colour");
        assertThat(api.get("/api/v1/apps/shop").json().get("latestVersion").asLong())
                .isZero();
    }

    @Test
    void lowerVersionWithoutRollbackFlagIsAConflict() throws Exception {
        api.post("/api/v1/apps/shop/releases", map("commit", sha(1), "noImage", true));
        api.post("/api/v1/apps/shop/releases", map("commit", sha(2), "noImage", true));
        String id = api.post("/api/v1/apps/shop/deploys", map("environment", "dev"))
                .json()
                .get("id")
                .asString();
        for (int i = 0;
                i < 100
                        && !api.get("/api/v1/deploys/" + id)
                                .json()
                                .get("status")
                                .asString()
                                .equals("succeeded");
                i++) {
            Thread.sleep(50);
        }
        assertProblem(
                api.post("/api/v1/apps/shop/deploys", map("environment", "dev", "version", 1)), 409, "rollback: true");
    }

    @Test
    void reusingAnIdempotencyKeyWithAnotherBodyIsAConflict() {
        api.post("/api/v1/apps/shop/releases", map("commit", sha(1), "noImage", true), "Idempotency-Key", "k");
        assertProblem(
                api.post("/api/v1/apps/shop/releases", map("commit", sha(2), "noImage", true), "Idempotency-Key", "k"),
                409,
                "different request body");
    }

    @Test
    void oversizedBodiesAreA413WhetherDeclaredOrStreamed() throws Exception {
        String big = "{\"name\":\"" + "a".repeat(1_100_000) + "\",\"image\":\"" + REPO + "\"}";
        assertProblem(api.postRaw("/api/v1/apps", big), 413, "larger than");
        // Chunked: no Content-Length, so the cap applies while reading.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/apps"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.body()).contains("larger than");
    }

    @Test
    void missingInvalidExpiredAndRevokedTokensAre401() {
        assertProblem(api.as(null).get("/api/v1/apps"), 401, "bearer token is required");
        assertProblem(api.as("cat_nonsense").get("/api/v1/apps"), 401, "invalid, expired or revoked");
        String principal = api.post("/api/v1/principals", map("name", "ci", "kind", "service"))
                .json()
                .get("id")
                .asString();
        Api.Response token = api.post(
                "/api/v1/principals/" + principal + "/tokens",
                map(
                        "name",
                        "short",
                        "scopes",
                        List.of("read"),
                        "expiresAt",
                        Instant.now().plusSeconds(1).toString()));
        String secret = token.json().get("secret").asString();
        assertThat(api.as(secret).get("/api/v1/apps").status()).isEqualTo(200);
        jdbc.sql("update tokens set expires_at = now() - interval '1 second' where id = ?")
                .param(token.json().get("id").asString())
                .update();
        assertProblem(api.as(secret).get("/api/v1/apps"), 401, "expired");
        Api.Response other = api.post(
                "/api/v1/principals/" + principal + "/tokens", map("name", "revoked", "scopes", List.of("read")));
        String otherSecret = other.json().get("secret").asString();
        assertThat(api.delete("/api/v1/tokens/" + other.json().get("id").asString())
                        .status())
                .isEqualTo(204);
        assertProblem(api.as(otherSecret).get("/api/v1/apps"), 401, "revoked");
        assertThat(api.as(null).get("/api/v1/apps").header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void missingScopesAre403() {
        String reader = tokenFor("reader", "service", "read");
        assertProblem(api.as(reader).post("/api/v1/apps", map("name", "x", "image", REPO)), 403, "app:write");
        assertProblem(
                api.as(reader).post("/api/v1/apps/shop/releases", map("commit", sha(1), "noImage", true)),
                403,
                "release:shop");
        String releaser = tokenFor("releaser", "service", "release:sh*");
        assertThat(api.as(releaser)
                        .post("/api/v1/apps/shop/releases", map("commit", sha(1), "noImage", true))
                        .status())
                .isEqualTo(201);
        assertProblem(
                api.as(releaser).post("/api/v1/apps/shop/deploys", map("environment", "dev")), 403, "deploy:shop:dev");
        assertProblem(api.as(releaser).post("/api/v1/principals", map("name", "x", "kind", "user")), 403, "admin");
    }

    @Test
    void unknownNamesAre404() {
        assertProblem(api.get("/api/v1/apps/nope"), 404, "app 'nope' not found");
        assertProblem(api.get("/api/v1/apps/shop/releases/9"), 404, "release 9");
        assertProblem(
                api.post("/api/v1/apps/shop/deploys", map("environment", "nowhere")), 404, "environment 'nowhere'");
        assertProblem(api.get("/api/v1/deploys/d_nope"), 404, "deploy 'd_nope'");
        assertProblem(api.patch("/api/v1/environments/nope", map("rank", 3)), 404, "environment 'nope'");
        assertProblem(api.get("/api/v1/no-such-route"), 404, "");
    }

    @Test
    void duplicatesAreConflicts() {
        assertProblem(api.post("/api/v1/apps", map("name", "shop", "image", REPO)), 409, "already exists");
        assertProblem(api.post("/api/v1/environments", map("name", "dev", "rank", 1)), 409, "already exists");
    }
}
