package dev.catapult.compat.cdp;

import static dev.catapult.compat.cdp.CatalogueSeed.digest;
import static dev.catapult.compat.cdp.CatalogueSeed.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CdpCatalogueTest extends ServerTest {
    static final String HOST = "127.0.0.1:5999";
    static final List<String> ARTIFACT_FIELDS = List.of(
            "created", "repo", "tag", "sha256", "githubUrl", "serviceName", "scannerVersion", "files", "semVer");
    private static final String LOCK = "sha256:" + "a".repeat(64);
    private static final String POM = "sha256:" + "b".repeat(64);
    private static final String ARM = "sha256:" + "c".repeat(64);
    private static final String AMD = "sha256:" + "d".repeat(64);

    @BeforeEach
    void catalogue() {
        CatalogueSeed seed = new CatalogueSeed(jdbc);
        long r = seed.registry("local", HOST);
        seed.layer(
                LOCK,
                Map.of("app/package-lock.json", utf8("{\"lockfileVersion\":3}"), "etc/os-release", utf8("ID=debian")));
        seed.layer(POM, Map.of("app/pom.xml", utf8("<project/>")));
        seed.layer(ARM, Map.of("app/arm.txt", utf8("arm")));
        seed.layer(AMD, Map.of("app/web.deps.json", utf8("{}")));

        long old = seed.image(
                r,
                "shop/api",
                digest(1),
                "shop-api",
                "https://github.com/acme/old-api",
                Instant.parse("2024-01-01T00:00:00Z"));
        seed.layerOf(old, 0, LOCK);
        seed.tag(r, "shop/api", "1.2.0", digest(1));
        long current = seed.image(
                r,
                "shop/api",
                digest(2),
                "shop-api",
                "https://github.com/acme/shop-api",
                Instant.parse("2024-02-01T00:00:00Z"));
        seed.layerOf(current, 0, LOCK);
        seed.layerOf(current, 1, POM);
        seed.tag(r, "shop/api", "1.10.0", digest(2));
        seed.tag(r, "shop/api", "main", digest(2));

        seed.index(r, "shop/web", digest(10), Instant.parse("2024-03-01T00:00:00Z"));
        seed.layerOf(
                seed.platformImage(
                        r, "shop/web", digest(11), digest(10), "arm64", "web", Instant.parse("2024-03-01T00:00:00Z")),
                0,
                ARM);
        seed.layerOf(
                seed.platformImage(
                        r, "shop/web", digest(12), digest(10), "amd64", "web", Instant.parse("2024-03-01T00:00:00Z")),
                0,
                AMD);
        seed.tag(r, "shop/web", "2.0.0", digest(10));
    }

    @Test
    void servicesAreTheServiceNamesOfImagesWithTheirNewestSource() {
        Api.Response all = api.get("/compat/cdp/services");
        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        assertThat(all.json().findValuesAsString("serviceName")).containsExactly("shop-api", "web");
        JsonNode api1 = all.json().get(0);
        assertThat(api1.propertyNames()).containsExactly("serviceName", "githubUrl", "imageName");
        assertThat(api1.get("githubUrl").asString()).isEqualTo("https://github.com/acme/shop-api");
        assertThat(api1.get("imageName").asString()).isEqualTo("shop/api");

        Api.Response one = api.get("/compat/cdp/services/web");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("imageName").asString()).isEqualTo("shop/web");
        assertThat(api.get("/compat/cdp/services/nope").status()).isEqualTo(404);
    }

    @Test
    void aRepositoryListsOneArtifactPerTagInCdpShape() {
        Api.Response r = api.get("/compat/cdp/artifacts/shop/api");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().findValuesAsString("tag")).containsExactly("1.10.0", "main", "1.2.0");
        JsonNode newest = r.json().get(0);
        assertThat(newest.propertyNames()).containsExactlyElementsOf(ARTIFACT_FIELDS);
        assertThat(newest.get("repo").asString()).isEqualTo("shop/api");
        assertThat(newest.get("sha256").asString()).isEqualTo(digest(2));
        assertThat(newest.get("githubUrl").asString()).isEqualTo("https://github.com/acme/shop-api");
        assertThat(newest.get("serviceName").asString()).isEqualTo("shop-api");
        assertThat(newest.get("scannerVersion").asInt()).isEqualTo(3);
        assertThat(newest.get("created").asString()).isEqualTo("2024-02-01T00:00:00Z");
        assertThat(newest.get("semVer").asLong()).isEqualTo(1L << 32 | 10L << 16);
        assertThat(r.json().get(1).get("semVer").isNull()).isTrue();
        assertThat(newest.get("files").findValuesAsString("path"))
                .containsExactlyInAnyOrder("app/package-lock.json", "etc/os-release", "app/pom.xml");
        JsonNode pom = file(newest, "app/pom.xml");
        assertThat(pom.propertyNames()).containsExactly("fileName", "path", "layerSha256");
        assertThat(pom.get("fileName").asString()).isEqualTo("pom.xml");
        assertThat(pom.get("layerSha256").asString()).isEqualTo(POM);

        Api.Response withHost = api.get("/compat/cdp/artifacts/" + HOST + "/shop/api");
        assertThat(withHost.json().findValuesAsString("tag")).containsExactly("1.10.0", "main", "1.2.0");
        assertThat(api.get("/compat/cdp/artifacts/shop/nope").status()).isEqualTo(404);
    }

    @Test
    void oneTagIsOneArtifactAndLatestIsTheHighestVersion() {
        Api.Response tagged = api.get("/compat/cdp/artifacts/shop/api/1.2.0");
        assertThat(tagged.status()).as(tagged.raw()).isEqualTo(200);
        assertThat(tagged.json().propertyNames()).containsExactlyElementsOf(ARTIFACT_FIELDS);
        assertThat(tagged.json().get("sha256").asString()).isEqualTo(digest(1));
        assertThat(tagged.json().get("githubUrl").asString()).isEqualTo("https://github.com/acme/old-api");
        assertThat(tagged.json().get("files").findValuesAsString("path"))
                .containsExactlyInAnyOrder("app/package-lock.json", "etc/os-release");
        assertThat(api.get("/compat/cdp/artifacts/" + HOST + "/shop/api/1.2.0")
                        .json()
                        .get("sha256")
                        .asString())
                .isEqualTo(digest(1));

        Api.Response latest = api.get("/compat/cdp/artifacts/shop/api/latest");
        assertThat(latest.json().get("tag").asString()).isEqualTo("1.10.0");

        Api.Response unknownTag = api.get("/compat/cdp/artifacts/shop/api/9.9.9");
        assertThat(unknownTag.status()).isEqualTo(404);
        assertThat(unknownTag.header("Content-Type")).contains("application/problem+json");
        assertThat(api.get("/compat/cdp/artifacts/nope/1.0.0").status()).isEqualTo(404);
    }

    @Test
    void aTagOnAnIndexShowsItsLinuxAmd64Image() {
        Api.Response r = api.get("/compat/cdp/artifacts/shop/web/2.0.0");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().get("sha256").asString()).isEqualTo(digest(10));
        assertThat(r.json().get("serviceName").asString()).isEqualTo("web");
        assertThat(r.json().get("githubUrl").asString()).isEqualTo("https://github.com/acme/web");
        assertThat(r.json().get("files").findValuesAsString("layerSha256")).containsExactly(AMD);
    }

    @Test
    void allArtifactsCoverEveryTaggedRepository() {
        Api.Response r = api.get("/compat/cdp/artifacts");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().findValuesAsString("tag")).containsExactly("1.10.0", "main", "1.2.0", "2.0.0");
        assertThat(r.json().findValuesAsString("repo")).containsExactly("shop/api", "shop/api", "shop/api", "shop/web");
    }

    @Test
    void deployablesAreRepositoriesAndTheirVersionTagsNewestFirst() {
        assertThat(api.get("/compat/cdp/deployables")
                        .json()
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("shop/api", "shop/web");
        Api.Response tags = api.get("/compat/cdp/deployables/shop/api");
        assertThat(tags.status()).as(tags.raw()).isEqualTo(200);
        assertThat(tags.json().valueStream().map(JsonNode::asString).toList()).containsExactly("1.10.0", "1.2.0");
        assertThat(api.get("/compat/cdp/deployables/" + HOST + "/shop/web")
                        .json()
                        .get(0)
                        .asString())
                .isEqualTo("2.0.0");
        assertThat(api.get("/compat/cdp/deployables/shop/nope").status()).isEqualTo(404);
    }

    @Test
    void readOnlyTokensReadEverything() {
        Api reader = api.as(tokenFor("reader", "service", "read"));
        for (String path : List.of(
                "/compat/cdp/services",
                "/compat/cdp/artifacts",
                "/compat/cdp/deployables",
                "/compat/cdp/artifacts/shop/api/1.2.0",
                "/compat/cdp/deployments",
                "/compat/cdp/whats-running-where")) {
            assertThat(reader.get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void noTokenNoAnswer() {
        Api anonymous = api.as(null);
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String path : List.of(
                "/compat/cdp/services",
                "/compat/cdp/services/web",
                "/compat/cdp/artifacts",
                "/compat/cdp/artifacts/shop/api",
                "/compat/cdp/artifacts/shop/api/1.2.0",
                "/compat/cdp/files/" + POM + "?path=app/pom.xml",
                "/compat/cdp/deployables",
                "/compat/cdp/deployables/shop/api",
                "/compat/cdp/deployments",
                "/compat/cdp/deployments/d_x",
                "/compat/cdp/whats-running-where",
                "/compat/cdp/whats-running-where/shop")) {
            statuses.put(path, anonymous.get(path).status());
        }
        statuses.put(
                "POST scan",
                anonymous
                        .post("/compat/cdp/admin/scan?repo=shop/api&tag=1.2.0", "")
                        .status());
        statuses.put(
                "POST backfill",
                anonymous.post("/compat/cdp/admin/backfill", "").status());
        assertThat(statuses)
                .allSatisfy((path, status) -> assertThat(status).as(path).isEqualTo(401));
    }

    private static JsonNode file(JsonNode artifact, String path) {
        return artifact.get("files")
                .valueStream()
                .filter(f -> f.get("path").asString().equals(path))
                .findFirst()
                .orElseThrow();
    }
}
