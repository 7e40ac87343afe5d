package dev.catapult.cli.release;

import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.ExitCodes;
import dev.catapult.client.ApiPath;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code catapult release show APP VERSION}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one release with its changelog.")
final class ReleaseShowCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "APP")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
    String app;

    @Parameters(index = "1", paramLabel = "VERSION", description = "A version (12 or v12) or 'latest'.")
    @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
    String version;

    @Override
    public Integer call() {
        Object which =
                version.strip().toLowerCase(Locale.ROOT).equals("latest") ? "latest" : ReleaseVersions.parse(version);
        ReleasePrinter.show(output(), api().get(ApiPath.of("apps", app, "releases", which)));
        return ExitCodes.OK;
    }
}
