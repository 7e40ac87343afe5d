package dev.catapult.platform;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether this server can serve: the database answers and no migration is pending. */
@Component
public class Readiness {
    private final JdbcClient jdbc;
    private final Flyway flyway;

    Readiness(JdbcClient jdbc, Flyway flyway) {
        this.jdbc = jdbc;
        this.flyway = flyway;
    }

    /** {@code status: ready}, or why not (never an exception's text: it may name hosts or users). */
    public Map<String, Object> check() {
        try {
            jdbc.sql("select 1").query(Integer.class).single();
            int pending = flyway.info().pending().length;
            return pending > 0
                    ? Map.of("status", "migrating", "pendingMigrations", pending)
                    : Map.of("status", "ready");
        } catch (RuntimeException e) {
            return Map.of("status", "database unreachable");
        }
    }
}
