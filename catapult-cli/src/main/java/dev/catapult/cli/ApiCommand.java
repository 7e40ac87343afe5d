package dev.catapult.cli;

import dev.catapult.cli.output.Output;
import dev.catapult.client.ApiPath;
import dev.catapult.client.CatapultClient;
import dev.catapult.client.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

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

    /**
     * The first {@code last} items of the list at {@code path} (the {@code --last N} of the list commands),
     * asking for no more pages than that takes.
     */
    protected List<JsonNode> first(ApiPath path, int last) {
        if (last < 1) {
            throw usage("--last must be at least 1");
        }
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : Pages.first(api(), path, last)) {
            items.add(item);
            if (items.size() == last) {
                break;
            }
        }
        return items;
    }

    /** A usage error found after parsing (bad combination of options); exits 2 like picocli's own. */
    protected ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
