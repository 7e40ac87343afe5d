package dev.catapult.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import picocli.CommandLine;

/** Entry point of the {@code catapult} command line. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        CliContext context = new CliContext(
                System.getenv(),
                System.in,
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                isTerminal(),
                Path.of(System.getProperty("user.home")),
                Path.of("").toAbsolutePath());
        System.exit(run(context, args));
    }

    /** Runs one command line against the given context and returns its exit code (tests call this). */
    public static int run(CliContext context, String... args) {
        ErrorReporter errors = new ErrorReporter(context);
        CommandLine commandLine = new CommandLine(new CatapultCommand(context))
                .setOut(context.out())
                .setErr(context.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(errors::usageError)
                .setExecutionExceptionHandler(errors::executionError);
        int exitCode = commandLine.execute(args);
        context.out().flush();
        context.err().flush();
        return exitCode;
    }

    // Since JDK 22 System.console() is non-null even when output is piped; Console.isTerminal() (22+) tells
    // the truth. Looked up reflectively because the CLI is compiled for Java 21.
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
