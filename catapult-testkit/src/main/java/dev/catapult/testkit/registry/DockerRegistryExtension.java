package dev.catapult.testkit.registry;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

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
public final class DockerRegistryExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final RegistryOptions options;
    private @Nullable DockerRegistry registry;
    private boolean perTest;

    public DockerRegistryExtension(RegistryOptions options) {
        this.options = options;
    }

    public DockerRegistryExtension() {
        this(RegistryOptions.defaults());
    }

    /** The running registry. */
    public DockerRegistry get() {
        if (registry == null) {
            throw new IllegalStateException("the registry runs only while a test of the class runs");
        }
        return registry;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        registry = DockerRegistry.start(options);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (registry == null) {
            perTest = true;
            registry = DockerRegistry.start(options);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void stop() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }
}
