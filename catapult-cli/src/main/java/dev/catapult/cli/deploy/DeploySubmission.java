package dev.catapult.cli.deploy;

import dev.catapult.cli.CliException;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.output.Output;
import dev.catapult.client.CatapultClient;
import java.time.Duration;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * The common tail of {@code deploy}, {@code rollback} and {@code promote}, mixed into each of them: their
 * {@code --timeout}, and what follows the accepted deploy: show it, or with {@code --wait} follow it and fail
 * (exit 1) unless it succeeded. Each command declares {@code --wait} itself because each words its help.
 */
final class DeploySubmission {

    @Option(
            names = "--timeout",
            paramLabel = "D",
            defaultValue = "10m",
            converter = DurationConverter.class,
            description = "How long --wait waits (default 10m).")
    @SuppressWarnings("NullAway.Init") // picocli sets the default when the option is absent
    Duration timeout;

    int finish(CatapultClient api, Output output, JsonNode accepted, boolean wait) {
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
