package dev.catapult.registry.oci;

import dev.catapult.registry.RegistrySettings;
import dev.catapult.testkit.registry.DockerRegistry;
import java.time.Duration;

/** Settings for Catapult's registry client against a test kit {@link DockerRegistry}. */
final class TestRegistrySettings {
    private TestRegistrySettings() {}

    /** Anonymous, 4 requests at once, 10 s timeout. */
    static RegistrySettings of(DockerRegistry registry, String name) {
        return of(registry, name, RegistrySettings.Auth.none());
    }

    static RegistrySettings of(DockerRegistry registry, String name, RegistrySettings.Auth auth) {
        return new RegistrySettings(name, registry.url(), auth, 4, Duration.ofSeconds(10));
    }
}
