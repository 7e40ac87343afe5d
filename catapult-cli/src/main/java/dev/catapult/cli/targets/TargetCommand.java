package dev.catapult.cli.targets;

import dev.catapult.api.TargetPutRequest;
import dev.catapult.api.TargetView;
import dev.catapult.cli.AppEnvironmentCommand;
import dev.catapult.cli.CommandGroup;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.output.Fields;
import dev.catapult.client.ApiPath;
import dev.catapult.client.Json;
import dev.catapult.client.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code catapult target set}: binds an app in an environment to a deployer. */
@Command(
        name = "target",
        mixinStandardHelpOptions = true,
        description = "Configure how an app is deployed to an environment.",
        subcommands = {TargetCommand.Set.class})
public final class TargetCommand extends CommandGroup {

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set the deployer of APP in ENV.")
    static final class Set extends AppEnvironmentCommand {
        @Option(
                names = "--deployer",
                required = true,
                paramLabel = "TYPE",
                description = "record, webhook, docker, nomad, caddy-static.")
        @SuppressWarnings("NullAway.Init") // picocli refuses the command without this required option
        String type;

        @Option(
                names = "--set",
                paramLabel = "KEY=VALUE",
                description = "Deployer setting (repeatable); true/false/integers/JSON are typed, dotted keys nest.")
        List<String> settings = new ArrayList<>();

        @Override
        public Integer call() {
            Map<String, Object> deployer = DeployerSettings.of(type, settings);
            // PUT replaces the whole target; keep the watch policy so changing the deployer does not silently
            // switch auto-deploy off.
            Map<String, Object> watch = currentWatch();
            JsonNode saved =
                    api().put(ApiPath.of("apps", app, "targets", environment), new TargetPutRequest(deployer, watch));
            output().show(
                            saved,
                            TargetView.class,
                            target -> new Fields()
                                    .add("app", target.app())
                                    .add("environment", target.environment())
                                    .add("deployer", Json.write(target.deployer()))
                                    .add("watch", target.watch() == null ? null : Json.write(target.watch())));
            return ExitCodes.OK;
        }

        private @Nullable Map<String, Object> currentWatch() {
            for (JsonNode node : Pages.of(api(), ApiPath.of("apps", app, "targets"))) {
                TargetView target = Json.convert(node, TargetView.class);
                if (target.environment().equals(environment)) {
                    return target.watch();
                }
            }
            return null;
        }
    }
}
