package dev.catapult.cli.env;

import dev.catapult.api.EnvironmentCreateRequest;
import dev.catapult.api.EnvironmentView;
import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.CommandGroup;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.output.Output;
import dev.catapult.cli.output.Table;
import dev.catapult.client.ApiPath;
import dev.catapult.client.Json;
import dev.catapult.client.Pages;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** {@code catapult env create|list}. */
@Command(
        name = "env",
        mixinStandardHelpOptions = true,
        description = "Create and list environments.",
        subcommands = {EnvCommand.Create.class, EnvCommand.ListEnvironments.class})
public final class EnvCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an environment.")
    static final class Create extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
        String name;

        @Option(
                names = "--rank",
                required = true,
                paramLabel = "N",
                description = "Promotion order, e.g. dev=10 < staging=20 < prod=30.")
        int rank;

        @Option(names = "--protected", description = "Deploys need step-up authentication (TOTP).")
        boolean isProtected;

        @Option(
                names = "--required-approvals",
                paramLabel = "K",
                description = "Distinct approvers needed besides the requester.")
        @Nullable
        Integer requiredApprovals;

        @Option(
                names = "--account",
                paramLabel = "ID",
                description = "Cloud account id mapped to this environment (repeatable).")
        @Nullable
        List<String> accounts;

        @Override
        public Integer call() {
            if (requiredApprovals != null && requiredApprovals < 0) {
                throw usage("--required-approvals must be 0 or more");
            }
            JsonNode created = api().post(
                            ApiPath.of("environments"),
                            new EnvironmentCreateRequest(
                                    name, rank, isProtected ? Boolean.TRUE : null, requiredApprovals, accounts));
            Output output = output();
            if (output.isJson()) {
                output.json(created); // the environment itself, not a list of one
            } else {
                print(output, List.of(created));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List environments by rank.")
    static final class ListEnvironments extends ApiCommand {
        @Override
        public Integer call() {
            ArrayNode environments = Json.mapper().createArrayNode();
            Pages.of(api(), ApiPath.of("environments")).forEach(environments::add);
            print(output(), environments);
            return ExitCodes.OK;
        }
    }

    private static void print(Output output, Iterable<JsonNode> environments) {
        output.list(
                environments,
                EnvironmentView.class,
                new Table("NAME", "RANK", "PROTECTED", "APPROVALS"),
                (table, env) ->
                        table.row(env.name(), env.rank(), env.isProtected() ? "yes" : "no", env.requiredApprovals()));
    }
}
