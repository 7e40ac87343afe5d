package dev.catapult.testkit;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension running one of the kit's programs for a test class (registered on a {@code static} field) or
 * for each test (on an instance field), and stopping it, with everything it started, after.
 *
 * @param <T> the running program
 */
public abstract class ProgramExtension<T extends AutoCloseable>
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final String what;
    private final Supplier<T> start;
    private @Nullable T running;
    private boolean perTest;

    /** {@code what} names the program in errors ("the registry"); {@code start} starts it (or skips the test). */
    protected ProgramExtension(String what, Supplier<T> start) {
        this.what = what;
        this.start = start;
    }

    /** The running program. */
    public T get() {
        if (running == null) {
            throw new IllegalStateException(what + " runs only while a test of the class runs");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = start.get();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (running == null) {
            perTest = true;
            running = start.get();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    private void stop() throws Exception {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
