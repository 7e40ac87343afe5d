package dev.catapult.cli.output;

import dev.catapult.client.Json;
import java.io.PrintWriter;
import tools.jackson.databind.JsonNode;

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
