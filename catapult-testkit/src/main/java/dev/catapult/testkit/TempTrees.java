package dev.catapult.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes what a started program left in its temp directory. */
public final class TempTrees {
    private TempTrees() {}

    /** Deletes {@code root} and everything below it, as far as it can: temp files left behind are harmless. */
    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a file vanished or could not be read while walking: what is left is cleaned by the OS
        }
    }
}
