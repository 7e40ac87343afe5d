package dev.catapult.cli;

import dev.catapult.client.ApiException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an exit code (SPEC §4). Stack traces are for
 * {@code --debug} only: users need the cause, not the CLI's internals.
 */
final class ErrorReporter {

    private final CliContext context;

    ErrorReporter(CliContext context) {
        this.context = context;
    }

    int usageError(ParameterException error, String[] args) {
        if (context.debug()) {
            error.printStackTrace(context.err());
        }
        String command = error.getCommandLine().getCommandSpec().qualifiedName();
        context.err().println("error: " + oneLine(error.getMessage()) + " (see '" + command + " --help')");
        context.err().flush();
        return ExitCodes.USAGE;
    }

    int executionError(Exception error, CommandLine commandLine, ParseResult parseResult) {
        if (context.debug()) {
            error.printStackTrace(context.err());
        }
        int exitCode = ExitCodes.FAILED;
        String message;
        if (error instanceof CliException cli) {
            exitCode = cli.exitCode();
            message = cli.getMessage();
        } else if (error instanceof ApiException api) {
            // The server's status decides the exit code; network failures stay "failed operation".
            exitCode = ExitCodes.forHttpStatus(api.status());
            message = api.getMessage();
        } else {
            message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        }
        context.err().println("error: " + oneLine(message));
        context.err().flush();
        return exitCode;
    }

    private static String oneLine(@Nullable String message) {
        return message == null ? "unknown error" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
