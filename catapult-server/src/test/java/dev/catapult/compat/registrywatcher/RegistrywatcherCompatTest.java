package dev.catapult.compat.registrywatcher;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** registrywatcher's routes and shapes, mapped onto an app's watch. */
class RegistrywatcherCompatTest extends ServerTest {

    @BeforeEach
    void watchedApp() {
        api.post("/api/v1/registries", map("name", "local", "url", "http://127.0.0.1:5999"));
        api.post("/api/v1/environments", map("name", "prod", "rank", 30));
        api.post("/api/v1/apps", map("name", "web", "image", "127.0.0.1:5999/team/web"));
        api.put(
                "/api/v1/apps/web/targets/prod",
                map("deployer", map("type", "record"), "watch", map("policy", "semver", "autoDeploy", true)));
        long registry = jdbc.sql("select id from registries where name = 'local'")
                .query(Long.class)
                .single();
        for (String tag : new String[] {"v1.2.0", "v1.10.0", "latest"}) {
            String digest = "sha256:" + String.format("%064x", tag.hashCode() & 0xffffffffL);
            jdbc.sql(
                            "insert into artifacts (registry_id, repository, digest, media_type, first_seen_at) values (?, 'team/web', ?, 'application/vnd.oci.image.manifest.v1+json', ?) on conflict do nothing")
                    .params(registry, digest, Timestamp.from(Instant.now()))
                    .update();
            jdbc.sql(
                            "insert into artifact_tags (registry_id, repository, tag, digest, updated_at) values (?, 'team/web', ?, ?, ?)")
                    .params(registry, tag, digest, Timestamp.from(Instant.now()))
                    .update();
        }
    }

    @Test
    void pingAndReposAnswerInRegistrywatchersShape() {
        assertThat(api.get("/ping").json().get("message").asString()).isEqualTo("pong");
        JsonNode web = api.get("/repos").json().get("web");
        assertThat(web.get("auto_deploy").asBoolean()).isTrue();
        assertThat(web.get("pinned_tag").asString()).isEmpty();
        assertThat(web.get("pinned_tag_value").asString())
                .as("the highest version when nothing runs yet")
                .isEqualTo("v1.10.0");
        assertThat(web.get("tags").valueStream().map(JsonNode::asString).toList())
                .containsExactly("latest", "v1.10.0", "v1.2.0");
        assertThat(api.get("/tags/web").json().get("repo_tag").asString()).isEqualTo("v1.10.0");
        assertThat(api.get("/compat/registrywatcher/tags/web")
                        .json()
                        .get("repo_tag")
                        .asString())
                .isEqualTo("v1.10.0");
    }

    @Test
    void pinningAndResettingChangeTheWatch() {
        Api.Response pinned = api.post("/tags/web", map("pinned_tag", "latest", "auto_deploy", false));
        assertThat(pinned.status()).as(pinned.raw()).isEqualTo(200);
        assertThat(pinned.json().get("message").asString()).contains("pins latest");
        JsonNode watch = api.get("/api/v1/apps/web/targets/prod").json().get("watch");
        assertThat(watch.get("policy").asString()).isEqualTo("pinned");
        assertThat(watch.get("pinnedTag").asString()).isEqualTo("latest");
        assertThat(watch.get("autoDeploy").asBoolean()).isFalse();
        assertThat(api.get("/tags/web").json().get("repo_tag").asString()).isEqualTo("latest");

        assertThat(api.post("/tags/web/reset", map()).status()).isEqualTo(200);
        watch = api.get("/api/v1/apps/web/targets/prod").json().get("watch");
        assertThat(watch.get("policy").asString()).isEqualTo("semver");
        assertThat(watch.has("pinnedTag")).isFalse();
        assertThat(watch.get("autoDeploy").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/audit?action=watch.updated").json().get("items"))
                .hasSize(2);
    }

    @Test
    void errorsUseRegistrywatchersMessageShapeAndTokensAreRequired() {
        Api.Response unknown = api.get("/tags/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asString()).contains("nope");
        assertThat(api.post("/tags/web", map()).status()).isEqualTo(400);
        assertThat(api.as(null).get("/repos").status()).isEqualTo(401);
        assertThat(api.as(null).get("/ping").status()).isEqualTo(401);
        String reader = tokenFor("reader", "service", "read");
        assertThat(api.as(reader).get("/repos").status()).isEqualTo(200);
        assertThat(api.as(reader).post("/tags/web/reset", map()).status()).isEqualTo(403);
    }
}
