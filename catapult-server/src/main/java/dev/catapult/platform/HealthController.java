package dev.catapult.platform;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness and readiness, without authentication. */
@RestController
class HealthController {
  private final JdbcClient jdbc;
  private final Flyway flyway;

  HealthController(JdbcClient jdbc, Flyway flyway) {
    this.jdbc = jdbc;
    this.flyway = flyway;
  }

  @GetMapping("/healthz")
  Map<String, String> healthz() {
    return Map.of("status", "ok");
  }

  /** Ready when the database answers and no migration is pending. */
  @GetMapping("/readyz")
  ResponseEntity<Map<String, Object>> readyz() {
    try {
      jdbc.sql("select 1").query(Integer.class).single();
      int pending = flyway.info().pending().length;
      if (pending > 0) {
        return ResponseEntity.status(503).body(Map.of("status", "migrating", "pendingMigrations", pending));
      }
      return ResponseEntity.ok(Map.of("status", "ready"));
    } catch (RuntimeException e) {
      return ResponseEntity.status(503).body(Map.of("status", "database unreachable"));
    }
  }
}
