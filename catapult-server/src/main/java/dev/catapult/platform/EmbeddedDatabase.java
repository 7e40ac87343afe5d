package dev.catapult.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An embedded PostgreSQL (real binaries from Maven Central) keeping its data in the data directory. */
final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private final @Nullable EmbeddedPostgres postgres;

  private EmbeddedDatabase(@Nullable EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase none() {
    return new EmbeddedDatabase(null);
  }

  static EmbeddedDatabase start(Path dataDir) {
    try {
      Path pgData = dataDir.toAbsolutePath().resolve("postgres");
      Files.createDirectories(pgData);
      log.info("Starting embedded PostgreSQL with data in {}", pgData);
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setServerConfig("max_connections", "100")
          .start();
      return new EmbeddedDatabase(pg);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL under " + dataDir
          + " (set CATAPULT_DATABASE_URL to use an external one)", e);
    }
  }

  String jdbcUrl() {
    if (postgres == null) {
      throw new IllegalStateException("no embedded database");
    }
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public void close() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }
}
