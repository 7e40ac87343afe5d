package dev.catapult.testkit.registry;

import dev.catapult.testkit.ProgramExtension;

/**
 * Starts a {@link DockerRegistry} for a test class (as a {@code static} field) or for each test (as an instance
 * field), and stops it after.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DockerRegistryExtension REGISTRY = new DockerRegistryExtension(RegistryOptions.defaults());
 * ... REGISTRY.get().url() ...
 * }</pre>
 */
public final class DockerRegistryExtension extends ProgramExtension<DockerRegistry> {
    public DockerRegistryExtension(RegistryOptions options) {
        super("the registry", () -> DockerRegistry.start(options));
    }

    public DockerRegistryExtension() {
        this(RegistryOptions.defaults());
    }
}
