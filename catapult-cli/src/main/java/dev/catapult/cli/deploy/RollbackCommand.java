package dev.catapult.cli.deploy;

import dev.catapult.api.DeployCreateRequest;
import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.CliException;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.http.ApiClient;
import dev.catapult.cli.http.ApiPath;
import dev.catapult.cli.http.Pages;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code catapult rollback APP ENV}: deploys the version that ran before the current one. "Before" means
 * the most recent successful deploy of an older version in that environment — what actually ran, rather
 * than {@code running − 1}, which may never have been deployed there.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true, description = "Go back to the previous version in ENV.")
public final class RollbackCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "APP")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
    String app;

    @Parameters(index = "1", paramLabel = "ENV")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
    String environment;

    @Option(
            names = "--to",
            paramLabel = "N",
            description = "Version to go back to (default: the previous one deployed in ENV).")
    @Nullable
    Long to;

    @Option(names = "--otp", paramLabel = "CODE", description = "TOTP code for protected environments.")
    @Nullable
    String otp;

    @Option(names = "--wait", description = "Wait until the deploy ends (exit 1 unless it succeeded).")
    boolean wait;

    @Option(
            names = "--timeout",
            paramLabel = "D",
            defaultValue = DeploySubmission.DEFAULT_TIMEOUT,
            converter = DurationConverter.class,
            description = "How long --wait waits (default 10m).")
    @SuppressWarnings("NullAway.Init") // picocli sets the default when the option is absent
    Duration timeout;

    @Override
    public Integer call() {
        ApiClient api = api();
        long running = RollbackImpact.runningVersion(api, app, environment)
                .orElseThrow(() ->
                        CliException.notFound("app '" + app + "' has no successful deploy in '" + environment + "'"));
        long target = to != null ? to : previousVersion(api, running);
        if (target < 1 || target >= running) {
            throw usage("--to must be an older version than the running v" + running);
        }
        output().notice(RollbackImpact.summary(
                running, target, RollbackImpact.removedCommits(api, app, target, running)));
        JsonNode accepted = api.post(
                ApiPath.of("apps", app, "deploys"),
                new DeployCreateRequest(environment, target, true, "rollback", otp));
        return DeploySubmission.finish(api, output(), accepted, wait, timeout);
    }

    private long previousVersion(ApiClient api, long running) {
        ApiPath history = ApiPath.of("apps", app, "deploys")
                .query("environment", environment)
                .query("status", "succeeded");
        for (JsonNode deploy : Pages.of(api, history)) {
            long version = deploy.path("version").asLong();
            if (deploy.path("status").asString("succeeded").equals("succeeded") && version < running) {
                return version;
            }
        }
        if (running > 1) {
            return running - 1;
        }
        throw new CliException(
                ExitCodes.FAILED, "v" + running + " is the first release of '" + app + "': nothing to roll back to");
    }
}
