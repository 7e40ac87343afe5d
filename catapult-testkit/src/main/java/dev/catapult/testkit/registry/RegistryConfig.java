package dev.catapult.testkit.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Writes {@code config.yml} (and {@code htpasswd}) for Distribution 2.8. Registry 2.8's htpasswd reads bcrypt
 * hashes only (Go's {@code x/crypto/bcrypt}), which takes {@code $2a$}, {@code $2b$} and {@code $2y$}; we write
 * {@code $2y$} like {@code htpasswd -B}, at the lowest cost (4) since these are throwaway test users.
 */
final class RegistryConfig {
    private RegistryConfig() {}

    static void write(Path home, int port, RegistryOptions options) throws IOException {
        Path storage = Files.createDirectories(home.resolve("storage"));
        StringBuilder yaml = new StringBuilder();
        yaml.append("version: 0.1\n")
                .append("log:\n  level: ")
                .append(options.logLevel())
                .append("\n  formatter: text\n")
                .append("storage:\n")
                .append("  filesystem:\n    rootdirectory: ")
                .append(quote(storage.toString()))
                .append('\n')
                .append("  delete:\n    enabled: true\n")
                .append("  maintenance:\n    uploadpurging:\n      enabled: false\n")
                .append("http:\n  addr: 127.0.0.1:")
                .append(port)
                .append('\n')
                .append("  secret: ")
                .append(quote(options.name()))
                .append('\n');
        if (!options.users().isEmpty()) {
            Path htpasswd = home.resolve("htpasswd");
            StringBuilder lines = new StringBuilder();
            for (Map.Entry<String, String> user : options.users().entrySet()) {
                lines.append(user.getKey())
                        .append(':')
                        .append(BCrypt.hashpw(user.getValue(), BCrypt.gensalt("$2y", 4)))
                        .append('\n');
            }
            Files.writeString(htpasswd, lines, StandardCharsets.UTF_8);
            yaml.append("auth:\n  htpasswd:\n    realm: catapult-test\n    path: ")
                    .append(quote(htpasswd.toString()))
                    .append('\n');
        }
        RegistryOptions.Notifications n = options.notifications();
        if (n != null) {
            yaml.append("notifications:\n")
                    .append("  events:\n    includereferences: true\n")
                    .append("  endpoints:\n")
                    .append("    - name: catapult\n")
                    .append("      url: ")
                    .append(quote(n.url().toString()))
                    .append('\n')
                    .append("      headers:\n        Authorization: [")
                    .append(quote("Bearer " + n.bearerSecret()))
                    .append("]\n")
                    .append("      timeout: ")
                    .append(n.timeout().toMillis())
                    .append("ms\n")
                    .append("      threshold: ")
                    .append(n.threshold())
                    .append('\n')
                    .append("      backoff: ")
                    .append(n.backoff().toMillis())
                    .append("ms\n");
        }
        Files.writeString(home.resolve("config.yml"), yaml, StandardCharsets.UTF_8);
    }

    /** A YAML double-quoted scalar. */
    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
