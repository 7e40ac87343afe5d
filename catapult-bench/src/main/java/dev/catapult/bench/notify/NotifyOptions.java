package dev.catapult.bench.notify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of one notification → deploy benchmark run, from {@code --name value} / {@code --name=value}
 * arguments, falling back to {@code BENCH_NAME} environment variables, then to defaults.
 */
record NotifyOptions(
    Path serverJar,
    Path registryProgram,
    Path output,
    int apps,
    int pushes,
    double rate,
    int pushers,
    String pollInterval,
    int jobsConcurrency,
    String jobsPollInterval,
    List<String> serverJvmOptions,
    int readyTimeoutSeconds,
    int settleTimeoutSeconds,
    int graceSeconds,
    boolean keepWorkDir,
    String invokedAs,
    String note) {

  static final String USAGE = """
      Usage: NotificationToDeployBenchmark [options]   (each option also as env BENCH_<NAME>, e.g. BENCH_PUSHES)
        --server-jar PATH          catapult-server.jar to start (default catapult-server/target/catapult-server.jar)
        --registry-program PATH    CNCF Distribution binary (default /usr/bin/docker-registry, Debian's package)
        --output PATH              markdown file whose notification-to-deploy section is replaced (default docs/benchmarks.md)
        --apps N                   apps, each watching its own repository with policy semver, auto-deploy on (default 50)
        --pushes N                 measured pushes of new semver tags, round-robin over the apps (default 300)
        --rate R                   pushes started per second, open loop (default 5)
        --pushers N                concurrent pushing threads, so a slow push does not delay the schedule (default 4)
        --poll-interval D          the registry's pollInterval in Catapult (default 60s, the server's default)
        --jobs-concurrency N       server setting CATAPULT_JOBS_CONCURRENCY (default 8)
        --jobs-poll-interval D     server setting CATAPULT_JOBS_POLLINTERVAL (default 200ms)
        --server-jvm-options S     extra JVM options for the server, space separated (default none)
        --ready-timeout SECONDS    how long to wait for /readyz (default 300)
        --settle-timeout SECONDS   how long to wait for the deploys after the warm-up and after the stream (default 120)
        --grace SECONDS            how long to keep watching after the last expected deploy, for duplicates (default 5)
        --keep-work-dir            keep the temp folder (server, registry and proxy logs) after a successful run
        --invoked-as TEXT          the command to print in the report (default: the java command line)
        --note TEXT                free text recorded with the machine description (e.g. other load)
      """;

  private static final Set<String> FLAGS = Set.of("keep-work-dir");

  static NotifyOptions parse(String[] args) {
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
    NotifyOptions o = new NotifyOptions(
        Path.of(in.get("server-jar", "catapult-server/target/catapult-server.jar")),
        Path.of(in.get("registry-program", "/usr/bin/docker-registry")),
        Path.of(in.get("output", "docs/benchmarks.md")),
        in.integer("apps", 50),
        in.integer("pushes", 300),
        in.decimal("rate", 5),
        in.integer("pushers", 4),
        in.get("poll-interval", "60s"),
        in.integer("jobs-concurrency", 8),
        in.get("jobs-poll-interval", "200ms"),
        Arrays.stream(in.get("server-jvm-options", "").split("\\s+")).filter(s -> !s.isBlank()).toList(),
        in.integer("ready-timeout", 300),
        in.integer("settle-timeout", 120),
        in.integer("grace", 5),
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
    if (o.apps() < 1 || o.apps() > 5000 || o.pushes() < 1 || o.rate() <= 0 || o.rate() > 200 || o.pushers() < 1
        || o.jobsConcurrency() < 1 || o.graceSeconds() < 0) {
      throw new UsageException("need 1 ≤ apps ≤ 5000, pushes ≥ 1, 0 < rate ≤ 200, pushers ≥ 1, jobs-concurrency ≥ 1, grace ≥ 0");
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

    double decimal(String name, double fallback) {
      String v = get(name, Double.toString(fallback));
      try {
        return Double.parseDouble(v.strip());
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
