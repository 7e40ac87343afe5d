package dev.catapult.cli.release;

import dev.catapult.api.AppView;
import dev.catapult.api.ReleaseCreateRequest;
import dev.catapult.api.ReleaseView;
import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.CliException;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.output.Output;
import dev.catapult.client.ApiPath;
import dev.catapult.client.CatapultClient;
import dev.catapult.client.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code catapult release APP}: creates the next release of APP from a commit of the local clone, with the
 * changelog and commit list computed against the previous release (SPEC §4).
 */
@Command(
        name = "release",
        mixinStandardHelpOptions = true,
        description = "Create a release from a git commit, or inspect releases (list, show, log, find).",
        subcommands = {
            ReleaseListCommand.class,
            ReleaseShowCommand.class,
            ReleaseLogCommand.class,
            ReleaseFindCommand.class
        })
public final class ReleaseCommand extends ApiCommand {

    @Parameters(paramLabel = "APP", arity = "0..1", description = "The app to release.")
    @Nullable
    String app;

    @Option(
            names = "--commit",
            paramLabel = "REF",
            defaultValue = "HEAD",
            description = "Git revision to release (default HEAD).")
    @SuppressWarnings("NullAway.Init") // picocli sets the default when the option is absent
    String commitRef;

    @ArgGroup
    ImageChoice image = new ImageChoice();

    static final class ImageChoice {
        @Option(
                names = "--image",
                paramLabel = "REF",
                description = "Image (repo@sha256:… or repo:tag); default: the app's image at its tag template.")
        @Nullable
        String reference;

        @Option(names = "--no-image", description = "Record the release without an image.")
        boolean none;
    }

    @Option(
            names = "--filter-files-path",
            paramLabel = "FILE",
            description = "File of path prefixes: only commits touching them are listed.")
    @Nullable
    Path filterFile;

    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "Git repository (default: the current directory, searching upward).")
    @Nullable
    Path repoDir;

    @Option(names = "--dry-run", description = "Show what would be created, create nothing.")
    boolean dryRun;

    @Option(
            names = {"--yes", "-y"},
            description = "Confirm a release that rolls back commits without asking.")
    boolean yes;

    @Override
    public Integer call() {
        if (app == null) {
            throw usage("missing APP (or one of the subcommands: list, show, log, find)");
        }
        CatapultClient api = api();
        // Both lookups run while JGit reads the repository, which keeps the command well under SPEC §11's 2 s.
        CompletableFuture<JsonNode> appLookup = api.getAsync(ApiPath.of("apps", app));
        CompletableFuture<JsonNode> latestLookup = api.getAsync(ApiPath.of("apps", app, "releases", "latest"));
        List<String> prefixes = filterFile == null ? List.of() : PathPrefixes.read(filterFile);

        ChangeSet changes;
        @Nullable ReleaseView previous;
        try (LocalRepository repo =
                LocalRepository.open(repoDir != null ? repoDir : context().workingDirectory())) {
            ObjectId target = repo.resolve(commitRef);
            previous = CatapultClient.findFrom(latestLookup)
                    .map(node -> Json.convert(node, ReleaseView.class))
                    .orElse(null);
            changes = GitChanges.between(
                    repo.repository(), target, previous == null ? null : previous.commit(), prefixes);
        }
        AppView appView = Json.convert(CatapultClient.await(appLookup), AppView.class);
        String imageRef =
                image.none ? null : image.reference != null ? image.reference : defaultImage(appView, changes.commit());
        long previousVersion = previous == null ? 0 : previous.version();

        Output output = output();
        explain(output, changes, previous);
        ReleaseCreateRequest request = new ReleaseCreateRequest(
                changes.commit(),
                imageRef,
                null,
                Changelog.of(changes),
                changes.shas(),
                image.none ? Boolean.TRUE : null);
        if (dryRun) {
            DryRun.print(output, app, previousVersion, request);
            return ExitCodes.OK;
        }
        if (changes.kind() == ChangeSet.Kind.ROLLBACK && !yes && !confirmRollback()) {
            throw CliException.failed("release cancelled");
        }
        String key = IdempotencyKey.of(app, changes.commit(), imageRef, previousVersion);
        JsonNode created = api.post(ApiPath.of("apps", app, "releases"), request, Map.of("Idempotency-Key", key));
        ReleasePrinter.show(output, created);
        return ExitCodes.OK;
    }

    static String defaultImage(AppView app, String sha) {
        String template =
                app.imageTagTemplate() == null || app.imageTagTemplate().isBlank()
                        ? "ref-{sha}"
                        : app.imageTagTemplate();
        return app.image() + ":" + template.replace("{sha}", sha);
    }

    private boolean confirmRollback() {
        return context()
                .confirm(
                        "This release removes commits from " + app + ". Create it?",
                        "this release rolls back commits; pass --yes to create it without a terminal");
    }

    private static void explain(Output output, ChangeSet changes, @Nullable ReleaseView previous) {
        if (previous == null) {
            return; // the first release (ChangeSet.Kind.FIRST): nothing to explain
        }
        switch (changes.kind()) {
            case ROLLBACK -> output.notice(changes.rollbackSummary());
            case DIVERGED ->
                output.notice("warning: " + ChangeSet.shortSha(changes.commit()) + " does not descend from v"
                        + previous.version() + " (" + ChangeSet.shortSha(changes.previousCommit())
                        + "); listing the commits it adds");
            case PREVIOUS_UNKNOWN ->
                output.notice(
                        "warning: v" + previous.version() + "'s commit " + ChangeSet.shortSha(changes.previousCommit())
                                + " is not in the local clone (git fetch?); the changelog lists only the release commit");
            case UNCHANGED -> output.notice("note: same commit as v" + previous.version());
            default -> {}
        }
    }
}
