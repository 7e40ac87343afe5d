package dev.catapult.cli.access;

import dev.catapult.api.TokenCreateRequest;
import dev.catapult.api.TokenView;
import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.CommandGroup;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.output.Fields;
import dev.catapult.cli.output.Output;
import dev.catapult.client.ApiPath;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code catapult token create}: API tokens; the secret is shown once and never again. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Manage API tokens.",
        subcommands = {TokenCommand.Create.class})
public final class TokenCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token for a principal.")
    static final class Create extends ApiCommand {
        @Parameters(paramLabel = "PRINCIPAL_ID")
        @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
        String principalId;

        @Option(names = "--name", required = true, paramLabel = "N", description = "What the token is for.")
        @SuppressWarnings("NullAway.Init") // picocli refuses the command without this required option
        String name;

        @Option(
                names = "--scope",
                required = true,
                paramLabel = "S",
                split = ",",
                description = "Scope, e.g. read, release:shop, deploy:shop:prod (repeatable).")
        @SuppressWarnings("NullAway.Init") // picocli refuses the command without this required option
        List<String> scopes;

        @Option(names = "--expires-at", paramLabel = "T", description = "Expiry, ISO-8601 (2026-01-31T00:00:00Z).")
        @Nullable
        String expiresAt;

        @Override
        public Integer call() {
            Instant expiry = null;
            if (expiresAt != null) {
                try {
                    expiry = Instant.parse(expiresAt);
                } catch (DateTimeParseException e) {
                    throw usage("--expires-at: expected an ISO-8601 instant like 2026-01-31T00:00:00Z, got '"
                            + expiresAt + "'");
                }
            }
            JsonNode created = api().post(
                            ApiPath.of("principals", principalId, "tokens"),
                            new TokenCreateRequest(name, scopes, expiry));
            Output output = output();
            output.show(
                    created,
                    TokenView.class,
                    token -> new Fields()
                            .add("id", token.id())
                            .add("name", token.name())
                            .add("scopes", String.join(" ", token.scopes()))
                            .add("expires", token.expiresAt())
                            .add("secret", token.secret()));
            if (!output.isJson()) {
                output.notice("the secret is shown only once: store it now");
            }
            return ExitCodes.OK;
        }
    }
}
