package dev.catapult.cli.deploy;

import dev.catapult.api.DeployCreateRequest;
import dev.catapult.api.RollbackTargetView;
import dev.catapult.cli.AppEnvironmentCommand;
import dev.catapult.cli.CliException;
import dev.catapult.client.ApiException;
import dev.catapult.client.ApiPath;
import dev.catapult.client.CatapultClient;
import dev.catapult.client.Json;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code catapult rollback APP ENV}: deploys the version that ran before the current one. Which one that is
 * the server answers ({@code GET …/environments/{env}/rollback-target}, the same answer the web UI shows): the
 * most recent successful deploy in that environment of a version older than the running one — what actually
 * ran there, never a guess such as {@code running − 1}.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true, description = "Go back to the previous version in ENV.")
public final class RollbackCommand extends AppEnvironmentCommand {

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

    @Mixin
    DeploySubmission submission = new DeploySubmission();

    @Override
    public Integer call() {
        CatapultClient api = api();
        long running;
        long target;
        if (to == null) {
            RollbackTargetView answer = rollbackTarget(api);
            running = answer.running();
            target = answer.version();
        } else {
            running = RollbackImpact.runningVersion(api, app, environment)
                    .orElseThrow(() -> CliException.notFound(
                            "app '" + app + "' has no successful deploy in '" + environment + "'"));
            target = to;
        }
        if (target < 1 || target >= running) {
            throw usage("--to must be an older version than the running v" + running);
        }
        output().notice(RollbackImpact.summary(api, app, running, target));
        JsonNode accepted = api.post(
                ApiPath.of("apps", app, "deploys"),
                new DeployCreateRequest(environment, target, true, "rollback", otp));
        return submission.finish(api, output(), accepted, wait);
    }

    /** The server's answer; when there is none its reason is the error (exit 4). */
    private RollbackTargetView rollbackTarget(CatapultClient api) {
        try {
            return Json.convert(
                    api.get(ApiPath.of("apps", app, "environments", environment, "rollback-target")),
                    RollbackTargetView.class);
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw CliException.notFound(e.detail());
            }
            throw e;
        }
    }
}
