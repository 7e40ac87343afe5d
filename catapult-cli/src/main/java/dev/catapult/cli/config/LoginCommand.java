package dev.catapult.cli.config;

import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.CliContext;
import dev.catapult.cli.ExitCodes;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code catapult login}: remembers the server and token in the config file (mode 0600). */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = "Save the server URL and API token to the config file.")
public final class LoginCommand extends ApiCommand {

    @Option(names = "--server", required = true, paramLabel = "URL", description = "Server base URL.")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this required option
    String server;

    @ArgGroup(multiplicity = "1")
    @SuppressWarnings("NullAway.Init") // picocli creates a group of multiplicity 1
    TokenSource token;

    /** The token on the command line, or from stdin so it stays out of shell history and {@code ps}. */
    static final class TokenSource {
        @Option(names = "--token", paramLabel = "TOKEN", description = "API token.")
        @Nullable
        String value;

        @Option(names = "--token-stdin", description = "Read the API token from stdin.")
        boolean fromStdin;
    }

    @Override
    public Integer call() {
        String url = CliContext.serverUri(server).toString();
        String secret = token.fromStdin ? context().readLine() : token.value;
        if (secret == null || secret.isBlank()) {
            throw usage("the token is empty");
        }
        ConfigStore store = context().configStore();
        store.save(new Config(url, secret.strip()));
        output().notice("saved server " + url + " and token to " + store.location());
        return ExitCodes.OK;
    }
}
