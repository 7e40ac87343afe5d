package dev.catapult.cli.output;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One record shown as aligned {@code name  value} lines, for the {@code show} commands. */
public final class Fields {

    private final Map<String, String> fields = new LinkedHashMap<>();

    /** Adds a field; {@code null} values are left out because "absent" reads better than "-" here. */
    public Fields add(String name, @Nullable Object value) {
        if (value != null) {
            fields.put(
                    name,
                    value instanceof Instant instant
                            ? instant.truncatedTo(ChronoUnit.SECONDS).toString()
                            : value.toString());
        }
        return this;
    }

    public void print(PrintWriter out) {
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((name, value) -> {
            String indent = " ".repeat(width + 2);
            out.println(name + " ".repeat(width - name.length() + 2) + value.replace("\n", "\n" + indent));
        });
        out.flush();
    }
}
