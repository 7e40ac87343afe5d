package dev.catapult.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program to completion within a timeout, output captured to a file (no pipe to fill up). */
public final class ProgramRun {
    private ProgramRun() {}

    /** Its output; fails with the command line and the output on a non-zero exit or a timeout. */
    public static String run(
            List<String> command, Duration timeout, Map<String, String> environment, String shownCommand) {
        Path output = null;
        try {
            output = Files.createTempFile("catapult-program-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (!exited) {
                throw new AssertionError(
                        shownCommand + " did not finish within " + timeout.toSeconds() + " s:\n" + text);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(shownCommand + " exited " + process.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + shownCommand, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + shownCommand, e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
