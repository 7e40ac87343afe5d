package dev.catapult.cli.output;

import dev.catapult.client.Json;
import java.io.PrintWriter;
import java.util.function.BiConsumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** Where command results go: stdout, in the chosen format. Notices and errors go to stderr instead. */
public final class Output {

    private final PrintWriter out;
    private final PrintWriter err;
    private final OutputFormat format;

    public Output(PrintWriter out, PrintWriter err, OutputFormat format) {
        this.out = out;
        this.err = err;
        this.format = format;
    }

    public boolean isJson() {
        return format == OutputFormat.JSON;
    }

    /** Prints a JSON document pretty, as the server sent it. */
    public void json(JsonNode node) {
        out.println(Json.pretty(node));
        out.flush();
    }

    public void table(Table table) {
        table.print(out);
    }

    /**
     * One record: for scripts the server's document as it came, for people the {@link Fields} that
     * {@code fields} picks from its wire view.
     */
    public <V> void show(JsonNode node, Class<V> view, Function<V, Fields> fields) {
        if (isJson()) {
            json(node);
            return;
        }
        fields.apply(Json.convert(node, view)).print(out);
    }

    /**
     * Several records: for scripts a JSON array of the server's documents as they came, for people
     * {@code table} with the row {@code row} adds for each wire view.
     */
    public <V> void list(Iterable<JsonNode> nodes, Class<V> view, Table table, BiConsumer<Table, V> row) {
        if (isJson()) {
            ArrayNode array = Json.mapper().createArrayNode();
            nodes.forEach(array::add);
            json(array);
            return;
        }
        for (JsonNode node : nodes) {
            row.accept(table, Json.convert(node, view));
        }
        table(table);
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }

    /**
     * A progress or warning message for people. It goes to stderr so that stdout stays the result alone
     * (pipeable JSON) whatever the format.
     */
    public void notice(String text) {
        err.println(text);
        err.flush();
    }

    public PrintWriter stdout() {
        return out;
    }
}
