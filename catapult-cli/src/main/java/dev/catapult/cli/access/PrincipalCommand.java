package dev.catapult.cli.access;

import dev.catapult.api.PrincipalCreateRequest;
import dev.catapult.api.PrincipalView;
import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.CommandGroup;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.output.Fields;
import dev.catapult.client.ApiPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code catapult principal create}: users and service accounts. */
@Command(
        name = "principal",
        mixinStandardHelpOptions = true,
        description = "Manage users and service accounts.",
        subcommands = {PrincipalCommand.Create.class})
public final class PrincipalCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a user or service account.")
    static final class Create extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
        String name;

        @Option(names = "--kind", required = true, paramLabel = "user|service")
        @SuppressWarnings("NullAway.Init") // picocli refuses the command without this required option
        Kind kind;

        @Option(
                names = "--password-stdin",
                description = "Read the user's web UI password from the first line of stdin.")
        boolean passwordFromStdin;

        enum Kind {
            user,
            service
        }

        @Override
        public Integer call() {
            String password = null;
            if (passwordFromStdin) {
                password = context().readLine();
                if (password == null || password.isEmpty()) {
                    throw usage("--password-stdin: no password on stdin");
                }
            }
            JsonNode created =
                    api().post(ApiPath.of("principals"), new PrincipalCreateRequest(name, kind.name(), password));
            output().show(
                            created,
                            PrincipalView.class,
                            principal -> new Fields()
                                    .add("id", principal.id())
                                    .add("name", principal.name())
                                    .add("kind", principal.kind()));
            return ExitCodes.OK;
        }
    }
}
