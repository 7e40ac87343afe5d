package dev.catapult.cli.deploy;

import dev.catapult.api.PromoteRequest;
import dev.catapult.cli.ApiCommand;
import dev.catapult.client.ApiPath;
import dev.catapult.client.CatapultClient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code catapult promote APP --from ENV --to ENV}: deploys to one environment what succeeded in another. */
@Command(
        name = "promote",
        mixinStandardHelpOptions = true,
        description = "Deploy to --to the version running in --from.")
public final class PromoteCommand extends ApiCommand {

    @Parameters(paramLabel = "APP")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
    String app;

    @Option(names = "--from", required = true, paramLabel = "ENV")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this required option
    String from;

    @Option(names = "--to", required = true, paramLabel = "ENV")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this required option
    String to;

    @Option(names = "--otp", paramLabel = "CODE", description = "TOTP code when --to is protected.")
    @Nullable
    String otp;

    @Option(names = "--wait", description = "Wait until the deploy ends (exit 1 unless it succeeded).")
    boolean wait;

    @Mixin
    DeploySubmission submission = new DeploySubmission();

    @Override
    public Integer call() {
        if (from.equals(to)) {
            throw usage("--from and --to are the same environment");
        }
        CatapultClient api = api();
        return submission.finish(
                api, output(), api.post(ApiPath.of("apps", app, "promote"), new PromoteRequest(from, to, otp)), wait);
    }
}
