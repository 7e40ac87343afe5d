package dev.catapult.cli.deploy;

import dev.catapult.api.DeployApproveRequest;
import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.ExitCodes;
import dev.catapult.client.ApiPath;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code catapult approve DEPLOY_ID}: one approval of a deploy waiting in a protected environment. */
@Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a deploy that is pending approval.")
public final class ApproveCommand extends ApiCommand {

    @Parameters(paramLabel = "DEPLOY_ID")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
    String deployId;

    @Option(names = "--otp", paramLabel = "CODE", description = "TOTP code, when enrolled.")
    @Nullable
    String otp;

    @Override
    public Integer call() {
        DeployPrinter.show(
                output(), api().post(ApiPath.of("deploys", deployId, "approve"), new DeployApproveRequest(otp)));
        return ExitCodes.OK;
    }
}
