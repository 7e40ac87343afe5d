package dev.catapult.testkit.docker;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a {@link DockerEngine} before a test class (register it on a {@code static} field) and stops it, with
 * every container it ran, after.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DockerEngineExtension ENGINE = new DockerEngineExtension(true); // with a TCP listener too
 * ... ENGINE.get().host() ...
 * }</pre>
 */
public final class DockerEngineExtension implements BeforeAllCallback, AfterAllCallback {
    private final boolean tcp;
    private @Nullable DockerEngine engine;

    public DockerEngineExtension(boolean tcp) {
        this.tcp = tcp;
    }

    public DockerEngineExtension() {
        this(false);
    }

    /** The running engine. */
    public DockerEngine get() {
        if (engine == null) {
            throw new IllegalStateException("the engine runs only while a test of the class runs");
        }
        return engine;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        engine = DockerEngine.start(tcp);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
