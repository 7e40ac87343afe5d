package dev.catapult.cli;

import dev.catapult.cli.config.Config;
import dev.catapult.cli.config.ConfigStore;
import dev.catapult.cli.output.Output;
import dev.catapult.cli.output.OutputFormat;
import dev.catapult.client.CatapultClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything a command needs from the outside world: environment variables, standard streams, whether a
 * person is at a terminal, and (lazily) the API client. Tests build one with their own values, so no
 * command reads {@code System.getenv} or {@code System.out} directly.
 */
public final class CliContext {

    /** The server records releases made with this agent as source {@code cli}. */
    static final String USER_AGENT = "catapult-cli/0.1.0";

    private final Map<String, String> env;
    private final InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;
    private final Path home;
    private final Path workingDirectory;
    private @Nullable OutputFormat requestedFormat;
    private boolean debug;
    private @Nullable CatapultClient api;
    private @Nullable BufferedReader stdinReader;

    public CliContext(
            Map<String, String> env,
            InputStream in,
            PrintWriter out,
            PrintWriter err,
            boolean interactive,
            Path home,
            Path workingDirectory) {
        this.env = Map.copyOf(env);
        this.in = in;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.home = home;
        this.workingDirectory = workingDirectory;
    }

    public Map<String, String> env() {
        return env;
    }

    public InputStream in() {
        return in;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public boolean interactive() {
        return interactive;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    public boolean debug() {
        return debug;
    }

    void debug(boolean debug) {
        this.debug = debug;
    }

    void requestFormat(OutputFormat format) {
        this.requestedFormat = format;
    }

    /** {@code --output} wins, then {@code CATAPULT_FORMAT}, then table for a person and JSON for a pipe. */
    public OutputFormat format() {
        if (requestedFormat != null) {
            return requestedFormat;
        }
        String fromEnv = env.get("CATAPULT_FORMAT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            try {
                return OutputFormat.parse(fromEnv);
            } catch (IllegalArgumentException e) {
                throw CliException.usage("CATAPULT_FORMAT: " + e.getMessage());
            }
        }
        return interactive ? OutputFormat.TABLE : OutputFormat.JSON;
    }

    public Output output() {
        return new Output(out, err, format());
    }

    public ConfigStore configStore() {
        return new ConfigStore(env, home);
    }

    /** The client for the configured server; fails with the auth exit code when nobody logged in. */
    public CatapultClient api() {
        if (api == null) {
            Config config = configStore().load();
            if (!config.complete()) {
                throw new CliException(
                        ExitCodes.AUTH,
                        "not logged in: run 'catapult login --server URL --token TOKEN' or set CATAPULT_SERVER and CATAPULT_TOKEN");
            }
            // complete() checked both
            api = CatapultClient.builder(serverUri(Objects.requireNonNull(config.server())))
                    .token(Objects.requireNonNull(config.token()))
                    .userAgent(USER_AGENT)
                    .followRedirects()
                    .build();
        }
        return api;
    }

    /**
     * Asks a yes/no question on the terminal. Without a terminal nobody can answer, so the caller must have
     * been given {@code --yes}; this fails as a usage error with {@code hint} saying so.
     */
    public boolean confirm(String question, String hint) {
        if (!interactive) {
            throw CliException.usage(hint);
        }
        err.print(question + " [y/N] ");
        err.flush();
        String answer = readLine();
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }

    /** Reads one line of stdin (secrets, confirmations); {@code null} at end of input. */
    public String readLine() {
        try {
            if (stdinReader == null) {
                stdinReader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            return stdinReader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static URI serverUri(String server) {
        String trimmed = server.strip();
        URI uri;
        try {
            uri = URI.create(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("invalid server URL '" + server + "'");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw CliException.usage("invalid server URL '" + server + "' (expected http(s)://host[:port])");
        }
        return uri;
    }
}
