package dev.catapult.cli.status;

import dev.catapult.api.StatusEntry;
import dev.catapult.api.StatusView;
import dev.catapult.cli.ApiCommand;
import dev.catapult.cli.ExitCodes;
import dev.catapult.cli.output.Output;
import dev.catapult.cli.output.Table;
import dev.catapult.client.ApiPath;
import dev.catapult.client.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code catapult status}: which version of every app runs in every environment, and how far behind. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "The apps × environments matrix.")
public final class StatusCommand extends ApiCommand {

    @Option(
            names = "--env",
            paramLabel = "E",
            split = ",",
            description = "Only these environments (repeatable or comma-separated).")
    List<String> environments = new ArrayList<>();

    @Option(names = "--only", paramLabel = "REGEX", description = "Only apps whose name matches.")
    @Nullable
    String only;

    @Option(
            names = "--sort",
            paramLabel = "KEYS",
            split = ",",
            description = "app, behind or an environment name; prefix - to reverse (default app).")
    List<String> sortKeys = new ArrayList<>();

    @Override
    public Integer call() {
        Pattern appFilter = compile(only);
        // A single environment can be filtered by the server; several are filtered here.
        String serverFilter = environments.size() == 1 ? environments.get(0) : null;
        StatusView view =
                Json.convert(api().get(ApiPath.of("status").query("environment", serverFilter)), StatusView.class);
        StatusMatrix matrix = StatusMatrix.of(view, new LinkedHashSet<>(environments), appFilter, sortKeys);
        Output output = output();
        if (output.isJson()) {
            output.json(Json.tree(new StatusView(matrix.environments(), matrix.entries())));
            return ExitCodes.OK;
        }
        List<String> headers = new ArrayList<>();
        headers.add("APP");
        headers.addAll(matrix.environments());
        Table table = new Table(headers.toArray(String[]::new));
        for (Map.Entry<String, Map<String, StatusEntry>> row : matrix.rows().entrySet()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.getKey());
            matrix.environments().forEach(env -> cells.add(cell(row.getValue().get(env))));
            table.row(cells.toArray());
        }
        output.table(table);
        return ExitCodes.OK;
    }

    static @Nullable String cell(@Nullable StatusEntry entry) {
        if (entry == null || entry.version() == null && entry.status() == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(entry.version() == null ? "none" : "v" + entry.version());
        if (entry.status() != null && !entry.status().equals("succeeded")) {
            text.append(' ').append(entry.status());
        }
        if (entry.behind() > 0) {
            text.append(" (").append(entry.behind()).append(" behind)");
        }
        return text.toString();
    }

    private @Nullable Pattern compile(@Nullable String regex) {
        try {
            return regex == null ? null : Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw usage("--only: invalid regular expression: " + e.getDescription());
        }
    }
}
