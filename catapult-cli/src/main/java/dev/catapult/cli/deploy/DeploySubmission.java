package dev.catapult.cli.deploy;

import dev.catapult.cli.CliException;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.output.Output;
import dev.catapult.client.CatapultClient;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * The common tail of {@code deploy}, {@code rollback} and {@code promote}: show the accepted deploy, or with
 * {@code --wait} follow it and fail (exit 1) unless it succeeded.
 */
final class DeploySubmission {

    static final String DEFAULT_TIMEOUT = "10m";

    private DeploySubmission() {}

    static int finish(CatapultClient api, Output output, JsonNode accepted, boolean wait, Duration timeout) {
        if (!wait) {
            DeployPrinter.show(output, accepted);
            return ExitCodes.OK;
        }
        JsonNode done = new DeployWaiter(api, output).await(accepted, timeout);
        DeployPrinter.show(output, done);
        String status = done.path("status").asString();
        if (!status.equals("succeeded")) {
            String message = done.path("message").asString("");
            throw new CliException(
                    ExitCodes.FAILED,
                    "deploy " + done.path("id").asString() + " " + status + (message.isEmpty() ? "" : ": " + message));
        }
        return ExitCodes.OK;
    }
}
