package dev.catapult.cli.deploy;

import dev.catapult.api.DeployCreateRequest;
import dev.catapult.cli.AppEnvironmentCommand;
import dev.catapult.cli.CliException;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.output.Output;
import dev.catapult.cli.release.ReleaseVersions;
import dev.catapult.client.ApiException;
import dev.catapult.client.ApiPath;
import dev.catapult.client.CatapultClient;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code catapult deploy APP ENV}: deploys a release (default: the latest). Going back to an older version
 * must be asked for with {@code --rollback}; the CLI checks before asking the server so it can say what
 * would be removed (the server refuses with 409 anyway, which gets the same advice).
 */
@Command(name = "deploy", description = "Deploy a release of APP to ENV.")
public final class DeployCommand extends AppEnvironmentCommand {

    private static final String ROLLBACK_ADVICE = "; pass --rollback to deploy an older version";

    // Not mixinStandardHelpOptions: its --version would clash with the release --version option.
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", paramLabel = "N", description = "Release version (default: the latest).")
    @Nullable
    String version;

    @Option(names = "--rollback", description = "Allow deploying a version older than the running one.")
    boolean rollback;

    @Option(names = "--otp", paramLabel = "CODE", description = "TOTP code for protected environments.")
    @Nullable
    String otp;

    @Option(names = "--wait", description = "Wait until the deploy succeeds or fails (exit 1 unless it succeeded).")
    boolean wait;

    @Mixin
    DeploySubmission submission = new DeploySubmission();

    @Option(names = "--dry-run", description = "Show what would be deployed, deploy nothing.")
    boolean dryRun;

    @Option(
            names = {"--yes", "-y"},
            description = "Do not ask for confirmation on a terminal.")
    boolean yes;

    @Override
    public Integer call() {
        CatapultClient api = api();
        Output output = output();
        long target = version != null ? ReleaseVersions.parse(version) : latestVersion(api);
        Optional<Long> running = RollbackImpact.runningVersion(api, app, environment);
        boolean lowers = running.isPresent() && target < running.get();
        if (lowers) {
            String summary = RollbackImpact.summary(api, app, running.get(), target);
            if (!rollback) {
                throw new CliException(ExitCodes.CONFLICT, summary + ROLLBACK_ADVICE);
            }
            output.notice(summary);
        }
        String plan = app + " v" + target + " to " + environment
                + running.map(v -> " (running v" + v + ")").orElse("");
        if (dryRun) {
            output.notice("dry run: would deploy " + plan);
            return ExitCodes.OK;
        }
        if (lowers && !yes && context().interactive() && !context().confirm("Deploy " + plan + "?", "")) {
            throw CliException.failed("deploy cancelled");
        }
        DeployCreateRequest request = new DeployCreateRequest(
                environment, target, rollback ? Boolean.TRUE : null, rollback ? "rollback" : null, otp);
        JsonNode accepted;
        try {
            accepted = api.post(ApiPath.of("apps", app, "deploys"), request);
        } catch (ApiException e) {
            throw isRollbackRefusal(e) ? new CliException(ExitCodes.CONFLICT, e.detail() + ROLLBACK_ADVICE, e) : e;
        }
        return submission.finish(api, output, accepted, wait);
    }

    // Another deployer may have moved the environment forward since the status check; the server's 409
    // then says the same thing the local check would have.
    private boolean isRollbackRefusal(ApiException e) {
        String text = (e.detail() + " " + e.problem().type()).toLowerCase(Locale.ROOT);
        return !rollback && e.status() == 409 && text.contains("rollback");
    }

    private long latestVersion(CatapultClient api) {
        return api.find(ApiPath.of("apps", app, "releases", "latest"))
                .map(release -> release.path("version").asLong())
                .orElseThrow(() -> CliException.notFound("app '" + app + "' has no releases yet"));
    }
}
