package dev.catapult.registry;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@TestPropertySource(
        properties = {
            "catapult.registries[0].name=configured",
            "catapult.registries[0].url=http://127.0.0.1:5999",
            "catapult.registries[0].auth.type=basic",
            "catapult.registries[0].auth.usernameEnv=CONFIGURED_REGISTRY_USER",
            "catapult.registries[0].auth.passwordEnv=CONFIGURED_REGISTRY_PASSWORD",
            "catapult.registries[0].notificationSecretEnv=CONFIGURED_REGISTRY_HOOK",
            "catapult.registries[0].pollInterval=2m",
            "CONFIGURED_REGISTRY_HOOK=hook-secret-from-the-environment"
        })
class ConfiguredRegistriesTest extends ServerTest {
    @Autowired
    ConfiguredRegistries configured;

    @Test
    void registriesFromTheConfigurationFileAreDefinedOnStartAndUpdatedIdempotently() {
        configured.run(null);
        configured.run(null);
        JsonNode list = api.get("/api/v1/registries").json();
        assertThat(list.get("items")).hasSize(1);
        JsonNode r = list.get("items").get(0);
        assertThat(r.get("name").asString()).isEqualTo("configured");
        assertThat(r.get("host").asString()).isEqualTo("127.0.0.1:5999");
        assertThat(r.get("definedIn").asString()).isEqualTo("config");
        assertThat(r.get("pollInterval").asString()).isEqualTo("120s");
        assertThat(r.get("auth").get("usernameEnv").asString()).isEqualTo("CONFIGURED_REGISTRY_USER");
        assertThat(r.get("notificationSecretSet").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/registries").raw()).doesNotContain("hook-secret-from-the-environment");
        assertThat(api.as("hook-secret-from-the-environment")
                        .postRaw("/hooks/registry/configured", "{\"events\":[]}")
                        .status())
                .isEqualTo(202);
    }

    @Test
    void registryInputIsValidated() {
        Api.Response secretInsteadOfName = api.post(
                "/api/v1/registries",
                map(
                        "name",
                        "x",
                        "url",
                        "https://ghcr.io",
                        "auth",
                        map("type", "basic", "usernameEnv", "USER", "passwordEnv", "hunter2-is-not-a-variable")));
        assertThat(secretInsteadOfName.status()).isEqualTo(400);
        assertThat(secretInsteadOfName.raw()).doesNotContain("hunter2-is-not-a-variable");
        assertThat(api.post("/api/v1/registries", map("name", "x", "url", "ftp://ghcr.io"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/registries", map("name", "x", "url", "https://ghcr.io/v2/path"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/registries", map("name", "x", "url", "https://ghcr.io", "pollInterval", "1s"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/registries",
                                map("name", "x", "url", "https://ghcr.io", "notificationSecret", "short"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/registries", map("name", "ghcr", "url", "https://ghcr.io"))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/registries", map("name", "ghcr", "url", "https://ghcr.io"))
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/registries", map("name", "other", "url", "https://ghcr.io"))
                        .status())
                .isEqualTo(409);
        String reader = tokenFor("reader", "service", "read");
        assertThat(api.as(reader)
                        .post("/api/v1/registries", map("name", "y", "url", "https://quay.io"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/registries/nope/stats").status()).isEqualTo(404);
    }
}
