package dev.catapult.platform;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether this server can serve: start-up has finished (every {@code ApplicationRunner}, e.g. the bootstrap of
 * the admin token, has run — before that a client holding that token would be refused), the database answers
 * and no migration is pending.
 */
@Component
public class Readiness {
    private final JdbcClient jdbc;
    private final Flyway flyway;
    private final ApplicationAvailability availability;

    Readiness(JdbcClient jdbc, Flyway flyway, ApplicationAvailability availability) {
        this.jdbc = jdbc;
        this.flyway = flyway;
        this.availability = availability;
    }

    /** {@code status: ready}, or why not (never an exception's text: it may name hosts or users). */
    public Map<String, Object> check() {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return Map.of("status", "starting");
        }
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
