package dev.catapult.cli.deploy;

import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.ExitCodes;
import dev.catapult.client.ApiPath;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code catapult deploys APP [ENV]}: the deploy history, newest first. */
@Command(name = "deploys", mixinStandardHelpOptions = true, description = "List the deploys of APP, newest first.")
public final class DeploysCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "APP")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
    String app;

    @Parameters(index = "1", paramLabel = "ENV", arity = "0..1", description = "Only this environment.")
    @Nullable
    String environment;

    @Option(names = "--last", paramLabel = "N", defaultValue = "20", description = "How many deploys (default 20).")
    int last;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only deploys with this status.")
    @Nullable
    String status;

    @Override
    public Integer call() {
        ApiPath path = ApiPath.of("apps", app, "deploys")
                .query("environment", environment)
                .query("status", status);
        List<JsonNode> deploys = first(path, last);
        DeployPrinter.list(output(), deploys);
        return ExitCodes.OK;
    }
}
