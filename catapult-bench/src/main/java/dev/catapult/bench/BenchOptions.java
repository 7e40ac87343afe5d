package dev.catapult.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of one benchmark run, from {@code --name value} / {@code --name=value} arguments, falling back
 * to {@code BENCH_NAME} environment variables, then to defaults.
 */
record BenchOptions(
    Path serverJar,
    Path output,
    int warmup,
    int requests,
    List<Integer> concurrency,
    int creators,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    String token,
    List<String> serverJvmOptions,
    int readyTimeoutSeconds,
    boolean keepWorkDir,
    String invokedAs,
    String note) {

  static final String USAGE = """
      Usage: ReleaseCreationBenchmark [options]   (each option also as env BENCH_<NAME>, e.g. BENCH_REQUESTS)
        --server-jar PATH        catapult-server.jar to start (default catapult-server/target/catapult-server.jar)
        --output PATH            markdown file whose release-creation section is replaced (default docs/benchmarks.md)
        --warmup N               warm-up requests before measuring (default 2000)
        --requests N             measured requests per scenario (default 5000)
        --concurrency LIST       concurrent clients per scenario, comma separated (default 1,16)
        --creators N             concurrent creators for the I1 check, one release each (default 50)
        --database-url URL       external PostgreSQL (jdbc:postgresql://127.0.0.1:…); default: embedded
        --database-user U        --database-password P   credentials for --database-url
        --token T                admin token when the database is not fresh (default: bootstrap a random one)
        --server-jvm-options S   extra JVM options for the server, space separated (default none)
        --ready-timeout SECONDS  how long to wait for /readyz (default 300)
        --keep-work-dir          keep the temp folder (server log, embedded data) after a successful run
        --invoked-as TEXT        the command to print in the report (default: the java command line)
        --note TEXT              free text recorded with the machine description (e.g. other load)
      """;

  static BenchOptions parse(String[] args) {
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
      } else if (name.equals("keep-work-dir")) {
        given.put(name, "true");
      } else if (i + 1 < args.length) {
        given.put(name, args[++i]);
      } else {
        throw new UsageException("--" + name + " needs a value");
      }
    }
    Lookup in = new Lookup(given);
    BenchOptions o = new BenchOptions(
        Path.of(in.get("server-jar", "catapult-server/target/catapult-server.jar")),
        Path.of(in.get("output", "docs/benchmarks.md")),
        in.integer("warmup", 2000),
        in.integer("requests", 5000),
        Arrays.stream(in.get("concurrency", "1,16").split(",")).map(String::strip).map(Integer::parseInt).toList(),
        in.integer("creators", 50),
        in.get("database-url", ""),
        in.get("database-user", ""),
        in.get("database-password", ""),
        in.get("token", ""),
        Arrays.stream(in.get("server-jvm-options", "").split("\\s+")).filter(s -> !s.isBlank()).toList(),
        in.integer("ready-timeout", 300),
        Boolean.parseBoolean(in.get("keep-work-dir", "false")),
        in.get("invoked-as", ""),
        in.get("note", ""));
    in.rejectUnknown();
    if (!Files.isRegularFile(o.serverJar())) {
      throw new UsageException("server jar " + o.serverJar().toAbsolutePath() + " not found; build it with "
          + "./mvnw -q -pl catapult-server -am package -DskipTests");
    }
    if (!o.databaseUrl().isEmpty() && !o.databaseUrl().startsWith("jdbc:postgresql://127.0.0.1")
        && !o.databaseUrl().startsWith("jdbc:postgresql://localhost")) {
      throw new UsageException("--database-url must point at 127.0.0.1 (this driver only targets the local machine)");
    }
    if (o.warmup() < 0 || o.requests() < 1 || o.creators() < 1 || o.concurrency().stream().anyMatch(c -> c < 1)) {
      throw new UsageException("counts must be positive");
    }
    return o;
  }

  boolean externalDatabase() {
    return !databaseUrl.isEmpty();
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
