package dev.catapult.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * docs/benchmarks.md holds one section per benchmark, each between {@code <!-- bench:NAME:start -->} and
 * {@code <!-- bench:NAME:end -->}. A driver rewrites only its own section, so benchmarks run at different
 * times (and the hand-written text around them) coexist in one file.
 */
public final class MarkdownSections {
    private static final String NEW_FILE_HEADER = """
      # Benchmarks

      Figures from the benchmark drivers in `catapult-bench`. Each section below is written by its driver
      between `<!-- bench:NAME:start/end -->` markers; rerunning a driver replaces only its own section.

      """;

    private MarkdownSections() {}

    public static void replace(Path file, String name, String content) throws IOException {
        String start = "<!-- bench:" + name + ":start -->";
        String end = "<!-- bench:" + name + ":end -->";
        String block = start + "\n" + content.strip() + "\n" + end;
        String doc = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : NEW_FILE_HEADER;
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        String updated;
        if (from >= 0 && to > from) {
            updated = doc.substring(0, from) + block + doc.substring(to + end.length());
        } else if (from >= 0 || to >= 0) {
            throw new IllegalStateException(
                    file + " has a broken " + name + " section (only one marker, or end before start)");
        } else {
            updated = doc.stripTrailing() + "\n\n" + block + "\n";
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".benchmarks", ".md");
        Files.writeString(tmp, updated, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Appends a two-column table row, escaping {@code |} in the value. */
    public static void row(StringBuilder md, String name, String value) {
        md.append("| ")
                .append(name)
                .append(" | ")
                .append(value.replace("|", "\\|"))
                .append(" |\n");
    }
}
