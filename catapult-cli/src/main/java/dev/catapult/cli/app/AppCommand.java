package dev.catapult.cli.app;

import dev.catapult.api.AppCreateRequest;
import dev.catapult.api.AppView;
import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.CommandGroup;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.output.Fields;
import dev.catapult.cli.output.Output;
import dev.catapult.cli.output.Table;
import dev.catapult.client.ApiPath;
import dev.catapult.client.Json;
import dev.catapult.client.Pages;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** {@code catapult app create|list|show}. */
@Command(
        name = "app",
        mixinStandardHelpOptions = true,
        description = "Create and inspect apps.",
        subcommands = {AppCommand.Create.class, AppCommand.ListApps.class, AppCommand.Show.class})
public final class AppCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Register an app.")
    static final class Create extends ApiCommand {
        @Parameters(paramLabel = "NAME", description = "App name ([a-z0-9][a-z0-9-]*).")
        @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
        String name;

        @Option(
                names = "--image",
                required = true,
                paramLabel = "REPO",
                description = "Image repository, e.g. ghcr.io/acme/api.")
        @SuppressWarnings("NullAway.Init") // picocli refuses the command without this required option
        String image;

        @Option(names = "--repo-url", paramLabel = "URL", description = "Source repository URL.")
        @Nullable
        String repoUrl;

        @Option(names = "--team", paramLabel = "TEAM", description = "Owning team.")
        @Nullable
        String team;

        @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Free-form label (repeatable).")
        @Nullable
        Map<String, String> labels;

        @Option(
                names = "--image-tag-template",
                paramLabel = "TEMPLATE",
                description =
                        "Tag used for releases without --image; {sha} is the full commit (server default ref-{sha}).")
        @Nullable
        String imageTagTemplate;

        @Override
        public Integer call() {
            JsonNode created = api().post(
                            ApiPath.of("apps"),
                            new AppCreateRequest(name, image, repoUrl, team, labels, imageTagTemplate));
            show(output(), created);
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List apps.")
    static final class ListApps extends ApiCommand {
        @Override
        public Integer call() {
            ArrayNode apps = Json.mapper().createArrayNode();
            Pages.of(api(), ApiPath.of("apps")).forEach(apps::add);
            output().list(
                            apps,
                            AppView.class,
                            new Table("NAME", "IMAGE", "TEAM", "LATEST", "ARCHIVED"),
                            (table, app) -> table.row(
                                    app.name(),
                                    app.image(),
                                    app.team(),
                                    version(app.latestVersion()),
                                    app.archived() ? "yes" : "no"));
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one app.")
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
        String name;

        @Override
        public Integer call() {
            show(output(), api().get(ApiPath.of("apps", name)));
            return ExitCodes.OK;
        }
    }

    static void show(Output output, JsonNode node) {
        output.show(
                node,
                AppView.class,
                app -> new Fields()
                        .add("name", app.name())
                        .add("image", app.image())
                        .add("tag template", app.imageTagTemplate())
                        .add("repo", app.repoUrl())
                        .add("team", app.team())
                        .add("labels", app.labels() == null || app.labels().isEmpty() ? null : app.labels())
                        .add("latest", version(app.latestVersion()))
                        .add("archived", app.archived() ? "yes" : null)
                        .add("created", app.createdAt()));
    }

    private static @Nullable String version(long latest) {
        return latest == 0 ? null : "v" + latest;
    }
}
