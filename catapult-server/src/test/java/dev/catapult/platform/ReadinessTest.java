package dev.catapult.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.ServerTest;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server is not ready while it is still starting: the bootstrap of the admin token runs after the web server
 * accepts connections, so a client that waited for {@code /readyz} must not meet a 401 from a token not yet created.
 */
class ReadinessTest extends ServerTest {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    Flyway flyway;

    /** Spring's availability as it stands at one moment of start-up. */
    private record At(ReadinessState readiness) implements ApplicationAvailability {
        @Override
        public <S extends AvailabilityState> S getState(Class<S> type, S defaultState) {
            return type.isInstance(readiness) ? type.cast(readiness) : defaultState;
        }

        @Override
        public <S extends AvailabilityState> S getState(Class<S> type) {
            return type == LivenessState.class ? type.cast(LivenessState.CORRECT) : type.cast(readiness);
        }

        @Override
        public <S extends AvailabilityState> @Nullable AvailabilityChangeEvent<S> getLastChangeEvent(Class<S> type) {
            return null;
        }
    }

    @Test
    void aServerStillRunningItsStartUpTasksIsNotReady() {
        Readiness starting = new Readiness(jdbc, flyway, new At(ReadinessState.REFUSING_TRAFFIC));

        assertThat(starting.check()).containsEntry("status", "starting");
    }

    @Test
    void aStartedServerWithItsSchemaInPlaceIsReady() {
        Readiness started = new Readiness(jdbc, flyway, new At(ReadinessState.ACCEPTING_TRAFFIC));

        assertThat(started.check()).containsEntry("status", "ready");
    }
}
