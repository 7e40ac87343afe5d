package dev.catapult.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A started program's log file, read for a failure message: never failing the reader itself. */
public final class LogFiles {
    private LogFiles() {}

    /** The log so far, or why it cannot be read. */
    public static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The last {@code lines} lines of the log. */
    public static String tail(Path log, int lines) {
        List<String> all = read(log).lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
