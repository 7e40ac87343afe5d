package dev.catapult.cli.support;

import dev.catapult.cli.CliContext;
import dev.catapult.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with its own environment, stdin and captured stdout/stderr. */
public final class CliRun {

    private final Map<String, String> env = new HashMap<>();
    private final Path home;
    private String stdin = "";
    private boolean interactive;
    private Path workingDirectory;

    public CliRun(Path home) {
        this.home = home;
        this.workingDirectory = home;
        env.put("CATAPULT_CONFIG", home.resolve("config").toString());
    }

    /** Logged in to the real server (through its tap) as {@code alice}. */
    public static CliRun against(CatapultServerExtension server, Path home) {
        return new CliRun(home).env("CATAPULT_SERVER", server.url()).env("CATAPULT_TOKEN", server.token());
    }

    public CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliRun withoutEnv(String name) {
        env.remove(name);
        return this;
    }

    public CliRun stdin(String text) {
        this.stdin = text;
        return this;
    }

    public CliRun interactive(boolean interactive) {
        this.interactive = interactive;
        return this;
    }

    public CliRun in(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(
                env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out),
                new PrintWriter(err),
                interactive,
                home,
                workingDirectory);
        int exitCode = Main.run(context, args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** What a run printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {}
}
