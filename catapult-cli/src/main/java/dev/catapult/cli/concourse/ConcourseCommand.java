package dev.catapult.cli.concourse;

import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.CommandGroup;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.output.Output;
import dev.catapult.cli.output.OutputFormat;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code catapult concourse check|in|out}: the Concourse resource protocol. Request JSON on stdin, result
 * JSON on stdout, logs on stderr; server and token come from the resource's {@code source}.
 */
@Command(
        name = "concourse",
        mixinStandardHelpOptions = true,
        description = "Concourse resource type (check, in, out).",
        subcommands = {ConcourseCommand.Check.class, ConcourseCommand.In.class, ConcourseCommand.Out.class})
public final class ConcourseCommand extends CommandGroup {

    /**
     * One protocol step: reads the request from stdin and answers with {@link #run}'s result, always JSON
     * whatever {@code --output} or the terminal say.
     */
    abstract static class Step extends ApiCommand {
        @Override
        public Integer call() {
            ConcourseRequest request = ConcourseRequest.read(context().in());
            protocol().json(run(request));
            return ExitCodes.OK;
        }

        abstract JsonNode run(ConcourseRequest request);

        Output protocol() {
            return new Output(context().out(), context().err(), OutputFormat.JSON);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "List new versions, oldest first.")
    static final class Check extends Step {
        @Override
        JsonNode run(ConcourseRequest request) {
            return VersionCheck.run(request.source().api(), request.source(), request);
        }
    }

    @Command(name = "in", mixinStandardHelpOptions = true, description = "Fetch a version into DESTINATION.")
    static final class In extends Step {
        @Parameters(paramLabel = "DESTINATION")
        @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
        Path destination;

        @Override
        JsonNode run(ConcourseRequest request) {
            return ConcourseIn.run(request.source().api(), request, destination);
        }
    }

    @Command(
            name = "out",
            mixinStandardHelpOptions = true,
            description = "Create a release or deploy; SOURCES holds the *_file params.")
    static final class Out extends Step {
        @Parameters(paramLabel = "SOURCES")
        @SuppressWarnings("NullAway.Init") // picocli refuses the command without this positional parameter
        Path sources;

        @Override
        JsonNode run(ConcourseRequest request) {
            return ConcourseOut.run(request.source().api(), request, sources, protocol());
        }
    }
}
