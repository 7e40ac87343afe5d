package dev.catapult.testkit.docker;

import dev.catapult.testkit.ProgramExtension;

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
public final class DockerEngineExtension extends ProgramExtension<DockerEngine> {
    public DockerEngineExtension(boolean tcp) {
        super("the engine", () -> DockerEngine.start(tcp));
    }

    public DockerEngineExtension() {
        this(false);
    }
}
