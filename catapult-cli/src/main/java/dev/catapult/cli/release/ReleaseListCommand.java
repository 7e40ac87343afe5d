package dev.catapult.cli.release;

import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.ExitCodes;
import dev.catapult.client.ApiPath;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code catapult release list APP}: the newest releases first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List releases, newest first.")
final class ReleaseListCommand extends ApiCommand {

    @Parameters(paramLabel = "APP")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
    String app;

    @Option(names = "--last", paramLabel = "N", defaultValue = "20", description = "How many releases (default 20).")
    int last;

    @Option(
            names = "--contains",
            paramLabel = "REV",
            description = "Only releases containing this commit (a sha, or a revision of the local clone).")
    @Nullable
    String contains;

    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "Git repository used to resolve --contains (default: current directory).")
    @Nullable
    Path repoDir;

    @Override
    public Integer call() {
        // first() checks this too, but only after --contains has been looked up in the local clone.
        if (last < 1) {
            throw usage("--last must be at least 1");
        }
        String commit = contains == null
                ? null
                : LocalRepository.fullSha(
                        contains, repoDir != null ? repoDir : context().workingDirectory());
        ApiPath path = ApiPath.of("apps", app, "releases").query("contains", commit);
        List<JsonNode> releases = first(path, last);
        ReleasePrinter.list(output(), releases);
        return ExitCodes.OK;
    }
}
