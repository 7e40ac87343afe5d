package dev.catapult.cli.config;

import dev.catapult.cli.CliException;
import dev.catapult.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The config file ({@code key=value} lines): {@code $CATAPULT_CONFIG}, else
 * {@code $XDG_CONFIG_HOME/catapult/config}, else {@code ~/.config/catapult/config}. It holds a bearer token,
 * so it is only ever written with mode 0600, and {@code CATAPULT_SERVER}/{@code CATAPULT_TOKEN} win over it
 * (CI jobs inject secrets through the environment).
 */
public final class ConfigStore {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Map<String, String> env;
    private final Path home;

    public ConfigStore(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public Path location() {
        String explicit = env.get("CATAPULT_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("catapult").resolve("config");
    }

    /** The effective config: the file's values overridden by the environment. */
    public Config load() {
        Map<String, String> file = readFile();
        return new Config(
                firstNonBlank(env.get("CATAPULT_SERVER"), file.get("server")),
                firstNonBlank(env.get("CATAPULT_TOKEN"), file.get("token")));
    }

    public void save(Config config) {
        Path target = location();
        String text = "server=" + config.server() + "\ntoken=" + config.token() + "\n";
        try {
            // an absolute path to a file has a parent
            Path dir = Objects.requireNonNull(target.toAbsolutePath().getParent());
            createPrivateDirectories(dir);
            // Written to a 0600 temp file and moved, so the token is never readable by others, not even briefly.
            Path temp = Files.createTempFile(dir, ".config", ".tmp", ownerOnly(OWNER_ONLY));
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            if (isPosix(target)) {
                Files.setPosixFilePermissions(target, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot write config file " + target + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> readFile() {
        Path file = location();
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                int eq = trimmed.indexOf('=');
                if (trimmed.isEmpty() || trimmed.startsWith("#") || eq < 1) {
                    continue;
                }
                values.put(
                        trimmed.substring(0, eq).strip(),
                        trimmed.substring(eq + 1).strip());
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return values;
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createPrivateDirectories(parent);
        }
        try {
            Files.createDirectory(dir, ownerOnly(OWNER_DIR));
        } catch (FileAlreadyExistsException e) {
            // Created concurrently by another process; fine as long as it is a directory.
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static @Nullable String firstNonBlank(@Nullable String first, @Nullable String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
