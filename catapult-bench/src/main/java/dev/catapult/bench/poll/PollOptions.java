package dev.catapult.bench.poll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of one polling benchmark run, from {@code --name value} / {@code --name=value} arguments, falling
 * back to {@code BENCH_NAME} environment variables, then to defaults (as the release-creation driver does).
 */
record PollOptions(
    Path serverJar,
    Path registryProgram,
    Path output,
    int repositories,
    int cycles,
    int moved,
    int parallelism,
    String pollInterval,
    String pollCheck,
    int maxConcurrency,
    int databasePoolSize,
    List<String> serverJvmOptions,
    int readyTimeoutSeconds,
    int settleTimeoutSeconds,
    boolean keepWorkDir,
    String invokedAs,
    String note) {

  static final String USAGE = """
      Usage: PollCycleBenchmark [options]   (each option also as env BENCH_<NAME>, e.g. BENCH_REPOSITORIES)
        --server-jar PATH         catapult-server.jar to start (default catapult-server/target/catapult-server.jar)
        --registry-program PATH   CNCF Distribution binary (default /usr/bin/docker-registry, Debian's package)
        --output PATH             markdown file whose registry-polling section is replaced (default docs/benchmarks.md)
        --repositories N          watched repositories, one app and one pinned target each (default 1000)
        --cycles N                idle poll cycles measured, at least 5 (default 6)
        --moved N                 repositories whose pinned tag is re-pushed before the last measurement (default 10)
        --parallelism N           concurrent requests while populating the registry and creating apps (default 8)
        --poll-interval D         the registry's pollInterval (default 5s, the server's minimum)
        --poll-check D            server setting catapult.registry.poll-check (default 1s)
        --max-concurrency N       the registry's maxConcurrency (default 0: the server's default, 8)
        --database-pool-size N    server setting CATAPULT_DATABASE_POOL_SIZE (default 0: the server's default, 16)
        --server-jvm-options S    extra JVM options for the server, space separated (default none)
        --ready-timeout SECONDS   how long to wait for /readyz (default 300)
        --settle-timeout SECONDS  how long the first cycles may take to catalogue and scan everything (default 900)
        --keep-work-dir           keep the temp folder (server and registry logs) after a successful run
        --invoked-as TEXT         the command to print in the report (default: the java command line)
        --note TEXT               free text recorded with the machine description (e.g. other load)
      """;

  private static final Set<String> FLAGS = Set.of("keep-work-dir");

  static PollOptions parse(String[] args) {
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
    Lookup in = new Lookup(given);
    PollOptions o = new PollOptions(
        Path.of(in.get("server-jar", "catapult-server/target/catapult-server.jar")),
        Path.of(in.get("registry-program", "/usr/bin/docker-registry")),
        Path.of(in.get("output", "docs/benchmarks.md")),
        in.integer("repositories", 1000),
        in.integer("cycles", 6),
        in.integer("moved", 10),
        in.integer("parallelism", 8),
        in.get("poll-interval", "5s"),
        in.get("poll-check", "1s"),
        in.integer("max-concurrency", 0),
        in.integer("database-pool-size", 0),
        Arrays.stream(in.get("server-jvm-options", "").split("\\s+")).filter(s -> !s.isBlank()).toList(),
        in.integer("ready-timeout", 300),
        in.integer("settle-timeout", 900),
        Boolean.parseBoolean(in.get("keep-work-dir", "false")),
        in.get("invoked-as", ""),
        in.get("note", ""));
    in.rejectUnknown();
    if (!Files.isRegularFile(o.serverJar())) {
      throw new UsageException("server jar " + o.serverJar().toAbsolutePath() + " not found; build it with "
          + "./mvnw -q -pl catapult-server -am package -DskipTests");
    }
    if (!Files.isExecutable(o.registryProgram())) {
      throw new UsageException(o.registryProgram() + " is not an executable; install Debian's docker-registry "
          + "(apt-get install docker-registry) or give --registry-program");
    }
    if (o.repositories() < 1 || o.repositories() > 10_000 || o.parallelism() < 1 || o.moved() < 0
        || o.moved() > o.repositories()) {
      throw new UsageException("need 1 ≤ repositories ≤ 10000, parallelism ≥ 1 and 0 ≤ moved ≤ repositories");
    }
    if (o.cycles() < 5) {
      throw new UsageException("--cycles must be at least 5");
    }
    return o;
  }

  /** Raised for bad arguments; the message is shown with the usage text. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  private static final class Lookup {
    private final Map<String, String> given;
    private final List<String> used = new ArrayList<>();

    Lookup(Map<String, String> given) {
      this.given = given;
    }

    String get(String name, String fallback) {
      used.add(name);
      String v = given.get(name);
      if (v == null) {
        v = System.getenv("BENCH_" + name.toUpperCase().replace('-', '_'));
      }
      return v == null ? fallback : v;
    }

    int integer(String name, int fallback) {
      String v = get(name, Integer.toString(fallback));
      try {
        return Integer.parseInt(v.strip());
      } catch (NumberFormatException e) {
        throw new UsageException("--" + name + " must be a number, got '" + v + "'");
      }
    }

    void rejectUnknown() {
      for (String name : given.keySet()) {
        if (!used.contains(name)) {
          throw new UsageException("unknown option --" + name);
        }
      }
    }
  }
}
