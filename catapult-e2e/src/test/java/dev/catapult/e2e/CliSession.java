package dev.catapult.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.cli.support.CliRun;
import dev.catapult.client.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code catapult} CLI run in-process, as a user at a shell would: its own environment (server, token,
 * config file, JSON output), its own home and working directory, stdin, and captured stdout/stderr. Each
 * {@link #run} is a fresh command line through {@code Main.run}, so nothing is shared between invocations but
 * what the CLI itself persists.
 */
final class CliSession {
    private final Path home;
    private final Map<String, String> env;
    private final Path workingDirectory;

    private CliSession(Path home, Map<String, String> env, Path workingDirectory) {
        this.home = home;
        this.env = Map.copyOf(env);
        this.workingDirectory = workingDirectory;
    }

    /** A session with no server and no token configured (JSON output, config file in a fresh home). */
    static CliSession unconfigured() {
        try {
            Path home = Files.createTempDirectory("catapult-cli-home");
            Map<String, String> env = new HashMap<>();
            env.put("CATAPULT_CONFIG", home.resolve("config").toString());
            env.put("CATAPULT_FORMAT", "json");
            return new CliSession(home, env, home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A session logged in to {@code serverUrl} with {@code token} through the environment. */
    static CliSession against(String serverUrl, String token) {
        return unconfigured().withEnv("CATAPULT_SERVER", serverUrl).withEnv("CATAPULT_TOKEN", token);
    }

    CliSession withEnv(String name, String value) {
        Map<String, String> next = new HashMap<>(env);
        next.put(name, value);
        return new CliSession(home, next, workingDirectory);
    }

    CliSession withoutEnv(String name) {
        Map<String, String> next = new HashMap<>(env);
        next.remove(name);
        return new CliSession(home, next, workingDirectory);
    }

    /** The same session with another principal's token. */
    CliSession as(String token) {
        return withEnv("CATAPULT_TOKEN", token);
    }

    CliSession in(Path directory) {
        return new CliSession(home, env, directory);
    }

    Result run(String... args) {
        return runWithStdin("", args);
    }

    Result runWithStdin(String stdin, String... args) {
        CliRun cli = new CliRun(home).in(workingDirectory).stdin(stdin);
        env.forEach(cli::env);
        CliRun.Result result = cli.run(args);
        return new Result(List.of(args), result.exitCode(), result.stdout(), result.stderr());
    }

    /** Runs and requires exit code 0, failing with the command line and its stderr otherwise. */
    Result ok(String... args) {
        Result result = run(args);
        assertThat(result.exitCode())
                .as("exit code of 'catapult %s'; stderr: %s", String.join(" ", args), result.stderr())
                .isZero();
        return result;
    }

    /** Runs and returns stdout parsed as JSON, requiring exit code 0. */
    JsonNode json(String... args) {
        return ok(args).json();
    }

    /** What one command line printed and returned. */
    record Result(List<String> args, int exitCode, String stdout, String stderr) {

        JsonNode json() {
            assertThat(stdout)
                    .as("stdout of 'catapult %s' (stderr: %s)", String.join(" ", args), stderr)
                    .isNotBlank();
            return Json.mapper().readTree(stdout);
        }

        /** Lines of stderr, without the trailing empty one. */
        List<String> stderrLines() {
            return stderr.isEmpty() ? List.of() : Arrays.asList(stderr.split("\\R"));
        }

        @Override
        public String toString() {
            return "catapult " + String.join(" ", args) + " -> " + exitCode + "\nstdout: " + stdout + "\nstderr: "
                    + stderr;
        }
    }
}
