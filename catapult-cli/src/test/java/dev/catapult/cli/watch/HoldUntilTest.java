package dev.catapult.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catapult.cli.CliException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HoldUntilTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @ParameterizedTest(name = "{0} means {1}")
    @CsvSource({
        "2h, 2025-03-01T12:00:00Z",
        "90m, 2025-03-01T11:30:00Z",
        "1d12h, 2025-03-02T22:00:00Z",
        "PT30M, 2025-03-01T10:30:00Z",
        "2025-06-01T08:00:00Z, 2025-06-01T08:00:00Z",
        "2025-06-01T10:00:00+02:00, 2025-06-01T08:00:00Z"
    })
    void aDurationCountsFromNowAndAnInstantIsTakenAsIs(String value, String expected) {
        assertThat(HoldUntil.parse(value, NOW)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "2x", "h", "0s", "-1h", "PT-1H", "2025-06-01"})
    void anythingElseIsAUsageError(String value) {
        assertThatThrownBy(() -> HoldUntil.parse(value, NOW))
                .isInstanceOfSatisfying(
                        CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("--until");
    }
}
