package dev.catapult.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The command line of a benchmark driver: {@code --name value} / {@code --name=value} arguments, falling
 * back to {@code BENCH_NAME} environment variables, then to defaults; plus the options every driver that
 * starts a server shares ({@code --server-jar}, {@code --output}, {@code --server-jvm-options}, …).
 */
public final class BenchArgs {
    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("keep-work-dir");

    private final Map<String, String> given;
    private final List<String> used = new ArrayList<>();

    private BenchArgs(Map<String, String> given) {
        this.given = given;
    }

    /** Raised for bad arguments; the message is shown with the usage text (empty for {@code --help}). */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }

        /** Never null: the only constructor takes the message. */
        @Override
        public String getMessage() {
            return Objects.requireNonNull(super.getMessage());
        }
    }

    /**
     * Parses the options with {@code parser}; on a {@link UsageException} prints it with {@code usage} and
     * exits (0 for {@code --help}, 2 otherwise).
     */
    public static <T> T parseOrExit(String[] args, Function<String[], T> parser, String usage) {
        try {
            return parser.apply(args);
        } catch (UsageException e) {
            System.err.println(e.getMessage().isEmpty() ? usage : e.getMessage() + "\n\n" + usage);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            throw e; // not reached
        }
    }

    public static BenchArgs parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                throw new UsageException("");
            }
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                given.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (FLAGS.contains(name)) {
                given.put(name, "true");
            } else if (i + 1 < args.length) {
                given.put(name, args[++i]);
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
        }
        return new BenchArgs(given);
    }

    public String get(String name, String fallback) {
        used.add(name);
        String v = given.get(name);
        if (v == null) {
            v = System.getenv("BENCH_" + name.toUpperCase().replace('-', '_'));
        }
        return v == null ? fallback : v;
    }

    public int integer(String name, int fallback) {
        return number(name, Integer.toString(fallback), Integer::parseInt);
    }

    public double decimal(String name, double fallback) {
        return number(name, Double.toString(fallback), Double::parseDouble);
    }

    private <T> T number(String name, String fallback, Function<String, T> parse) {
        String v = get(name, fallback);
        try {
            return parse.apply(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + v + "'");
        }
    }

    public Path serverJar() {
        return Path.of(get("server-jar", "catapult-server/target/catapult-server.jar"));
    }

    public Path registryProgram() {
        return Path.of(get("registry-program", "/usr/bin/docker-registry"));
    }

    public Path output() {
        return Path.of(get("output", "docs/benchmarks.md"));
    }

    public List<String> serverJvmOptions() {
        return Arrays.stream(get("server-jvm-options", "").split("\\s+"))
                .filter(s -> !s.isBlank())
                .toList();
    }

    public int readyTimeout() {
        return integer("ready-timeout", 300);
    }

    public boolean keepWorkDir() {
        return Boolean.parseBoolean(get("keep-work-dir", "false"));
    }

    public String invokedAs() {
        return get("invoked-as", "");
    }

    public String note() {
        return get("note", "");
    }

    /**
     * What every driver that starts a server is told: which jar and how to run it, where its section of the
     * figures goes, and what the report says about the run.
     */
    public record ServerRun(
            Path serverJar,
            Path output,
            List<String> serverJvmOptions,
            int readyTimeoutSeconds,
            boolean keepWorkDir,
            String invokedAs,
            String note) {}

    /** The usage lines of {@link ServerRun}'s options, to end a driver's usage text. */
    public static final String SERVER_RUN_USAGE = """
        --server-jar PATH          catapult-server.jar to start (default catapult-server/target/catapult-server.jar)
        --output PATH              markdown file whose section of this benchmark is replaced (default docs/benchmarks.md)
        --server-jvm-options S     extra JVM options for the server, space separated (default none)
        --ready-timeout SECONDS    how long to wait for /readyz (default 300)
        --keep-work-dir            keep the temp folder (the logs of the run) after a successful run
        --invoked-as TEXT          the command to print in the report (default: the java command line)
        --note TEXT                free text recorded with the machine description (e.g. other load)
      """;

    /** {@link ServerRun}'s options; fails when the server jar is missing. */
    public ServerRun serverRun() {
        ServerRun run = new ServerRun(
                serverJar(), output(), serverJvmOptions(), readyTimeout(), keepWorkDir(), invokedAs(), note());
        requireServerJar(run.serverJar());
        return run;
    }

    public void rejectUnknown() {
        for (String name : given.keySet()) {
            if (!used.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
    }

    public static void requireServerJar(Path serverJar) {
        if (!Files.isRegularFile(serverJar)) {
            throw new UsageException("server jar " + serverJar.toAbsolutePath() + " not found; build it with "
                    + "./mvnw -q -pl catapult-server -am package -DskipTests");
        }
    }

    public static void requireRegistryProgram(Path program) {
        if (!Files.isExecutable(program)) {
            throw new UsageException(program + " is not an executable; install Debian's docker-registry "
                    + "(apt-get install docker-registry) or give --registry-program");
        }
    }
}
