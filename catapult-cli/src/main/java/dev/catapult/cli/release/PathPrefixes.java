package dev.catapult.cli.release;

import dev.catapult.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code --filter-files-path} file: one repository path prefix per line, {@code #} comments and
 * blank lines ignored. Prefixes are normalised to what JGit's path filter expects (no leading
 * {@code ./} or {@code /}, no trailing {@code /}).
 */
public final class PathPrefixes {

    private PathPrefixes() {}

    public static List<String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.usage("cannot read --filter-files-path " + file + ": " + e.getMessage());
        }
        List<String> prefixes = new ArrayList<>();
        for (String line : lines) {
            String prefix = normalise(line);
            if (!prefix.isEmpty()) {
                prefixes.add(prefix);
            }
        }
        if (prefixes.isEmpty()) {
            throw CliException.usage("--filter-files-path " + file + " lists no paths");
        }
        return prefixes;
    }

    static String normalise(String line) {
        int hash = line.indexOf('#');
        String prefix = (hash >= 0 ? line.substring(0, hash) : line).strip().replace('\\', '/');
        while (prefix.startsWith("./")) {
            prefix = prefix.substring(2);
        }
        while (prefix.startsWith("/")) {
            prefix = prefix.substring(1);
        }
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix;
    }
}
