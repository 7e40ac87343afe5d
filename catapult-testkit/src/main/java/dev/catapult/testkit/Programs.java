package dev.catapult.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the external programs tests run. A missing program skips the test with the command that installs it,
 * except in CI ({@code CI=true}), where it fails the run: CI must have what the tests need.
 */
public final class Programs {
    private Programs() {}

    /** The program's path, or the test is skipped (failed in CI) with "install it: apt-get install {@code pkg}". */
    public static Path require(String program, String debianPackage) {
        Optional<Path> found = find(program);
        if (found.isPresent()) {
            return found.get();
        }
        String message = program + " is not on this machine; install it: apt-get install " + debianPackage;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + " (CI=true: missing programs fail the run)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** The program on {@code PATH} (then {@code /usr/bin}, {@code /usr/sbin}), if executable. */
    public static Optional<Path> find(String program) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/bin", "/usr/sbin", "/usr/local/bin"));
        return dirs.stream()
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d, program))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }
}
