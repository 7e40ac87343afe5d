package dev.catapult.cli.release;

import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.CliException;
import dev.catapult.cli.ExitCodes;
import dev.catapult.client.ApiPath;
import dev.catapult.client.Pages;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code catapult release find APP --commit REV}: the first release that contains a commit. The server lists
 * the containing releases newest first, so the answer is the last one it returns.
 */
@Command(name = "find", mixinStandardHelpOptions = true, description = "Find the first release containing a commit.")
final class ReleaseFindCommand extends ApiCommand {

    @Parameters(paramLabel = "APP")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
    String app;

    @Option(
            names = "--commit",
            required = true,
            paramLabel = "REV",
            description = "A sha, or a revision of the local clone.")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this required option
    String commit;

    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "Git repository used to resolve REV (default: current directory).")
    @Nullable
    Path repoDir;

    @Override
    public Integer call() {
        String sha = LocalRepository.fullSha(
                commit, repoDir != null ? repoDir : context().workingDirectory());
        JsonNode first = null;
        for (JsonNode release :
                Pages.of(api(), ApiPath.of("apps", app, "releases").query("contains", sha))) {
            if (first == null
                    || release.path("version").asLong() < first.path("version").asLong()) {
                first = release;
            }
        }
        if (first == null) {
            throw CliException.notFound("no release of app '" + app + "' contains commit " + ChangeSet.shortSha(sha));
        }
        ReleasePrinter.show(output(), first);
        return ExitCodes.OK;
    }
}
