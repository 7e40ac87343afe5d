package dev.catapult.cli;

import dev.catapult.cli.output.Output;
import dev.catapult.client.CatapultClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Base of every leaf command: reaches the shared {@link CliContext} through the root command. */
public abstract class ApiCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    protected CliContext context() {
        return ((CatapultCommand) spec.root().userObject()).context();
    }

    protected CatapultClient api() {
        return context().api();
    }

    protected Output output() {
        return context().output();
    }

    /** A usage error found after parsing (bad combination of options); exits 2 like picocli's own. */
    protected ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
