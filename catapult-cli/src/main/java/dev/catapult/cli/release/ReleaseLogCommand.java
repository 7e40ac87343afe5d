package dev.catapult.cli.release;

import dev.catapult.api.ReleaseView;
import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.output.Output;
import dev.catapult.client.ApiPath;
import dev.catapult.client.Json;
import dev.catapult.client.Pages;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code catapult release log APP vA..vB}: the changelogs of the releases after A up to and including B
 * (git's {@code A..B} meaning), newest first. Computed from the release list, which is newest first, so the
 * walk stops as soon as it passes A.
 */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Changelogs of the releases in vA..vB.")
final class ReleaseLogCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "APP")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
    String app;

    @Parameters(index = "1", paramLabel = "vA..vB")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
    String range;

    @Override
    public Integer call() {
        long[] bounds = ReleaseVersions.parseRange(range);
        List<JsonNode> selected = new ArrayList<>();
        for (JsonNode node : Pages.of(api(), ApiPath.of("apps", app, "releases"))) {
            long version = node.path("version").asLong();
            if (version <= bounds[0]) {
                break;
            }
            if (version <= bounds[1]) {
                selected.add(node);
            }
        }
        print(output(), selected);
        return ExitCodes.OK;
    }

    private static void print(Output output, List<JsonNode> releases) {
        if (output.isJson()) {
            ArrayNode array = Json.mapper().createArrayNode();
            releases.forEach(array::add);
            output.json(array);
            return;
        }
        for (JsonNode node : releases) {
            ReleaseView release = Json.convert(node, ReleaseView.class);
            output.line("v" + release.version() + "  " + ChangeSet.shortSha(release.commit()) + "  " + release.author()
                    + "  " + release.createdAt());
            for (String line : release.changelog().split("\n", -1)) {
                output.line("    " + line);
            }
        }
    }
}
