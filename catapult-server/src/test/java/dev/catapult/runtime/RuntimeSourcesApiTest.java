package dev.catapult.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeSourcesApiTest extends ServerTest {
    @Test
    void aSourceIsCreatedOnceListedAndAuditedWithItsSidecarList() {
        Api.Response r = api.post(
                "/api/v1/runtime-sources",
                Api.map(
                        "name",
                        "hooks",
                        "type",
                        "webhook",
                        "secretEnv",
                        "HOOK_SECRET",
                        "ignoreContainers",
                        List.of("envoy")));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.json().get("ignoreContainers").toString()).isEqualTo("[\"envoy\"]");

        assertThat(api.post(
                                "/api/v1/runtime-sources",
                                Api.map("name", "hooks", "type", "webhook", "secretEnv", "OTHER"))
                        .status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/runtime-sources").json().get("items").size())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'runtime-source.created'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anEcsSqsSourceNeedsAQueueAndARegion() {
        Api.Response r =
                api.post("/api/v1/runtime-sources", Api.map("name", "ecs", "type", "ecs-sqs", "region", "eu-west-1"));

        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.raw()).contains("queueUrl");
        assertThat(api.post("/api/v1/runtime-sources", Api.map("name", "ecs", "type", "kafka"))
                        .raw())
                .contains("type");
    }

    @Test
    void eachTypeGetsOnlyTheSettingsItHas() {
        assertThat(api.post("/api/v1/runtime-sources", Api.map("name", "w", "type", "webhook"))
                        .raw())
                .contains("secretEnv");
        assertThat(api.post(
                                "/api/v1/runtime-sources",
                                Api.map("name", "w", "type", "webhook", "secretEnv", "not a name"))
                        .raw())
                .contains("secretEnv");
        assertThat(api.post(
                                "/api/v1/runtime-sources",
                                Api.map(
                                        "name",
                                        "w",
                                        "type",
                                        "webhook",
                                        "secretEnv",
                                        "S",
                                        "queueUrl",
                                        "https://sqs.eu-west-1.amazonaws.com/1/q"))
                        .raw())
                .contains("queueUrl");
        assertThat(api.post("/api/v1/runtime-sources", Api.map("name", "d", "type", "docker", "secretEnv", "S"))
                        .raw())
                .contains("secretEnv");
        assertThat(api.post("/api/v1/runtime-sources", Api.map("name", "d", "type", "docker", "endpoint", "http://x"))
                        .raw())
                .contains("endpoint");
        Api.Response docker = api.post(
                "/api/v1/runtime-sources",
                Api.map("name", "d", "type", "docker", "endpoint", "unix:///var/run/docker.sock"));
        assertThat(docker.status()).as(docker.raw()).isEqualTo(201);
        assertThat(api.post("/api/v1/runtime-sources", Api.map("name", "d2", "type", "docker"))
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/runtime-sources").json().get("items").size())
                .isEqualTo(2);
    }

    @Test
    void unknownSourcesHaveNoDeadLetters() {
        assertThat(api.get("/api/v1/runtime-sources/nope/dead-letters").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/instances?limit=0").status()).isEqualTo(400);
    }
}
