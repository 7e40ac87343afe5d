package dev.catapult.watch;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoldStateTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @ParameterizedTest(name = "hold until {0} at {1} ⇒ active {2}")
    @CsvSource(nullValues = "none", textBlock = """
      # until,                   active
      none,                      true
      2025-06-01T12:00:01Z,      true
      2030-01-01T00:00:00Z,      true
      2025-06-01T12:00:00Z,      false
      2025-06-01T11:59:59Z,      false
      2020-01-01T00:00:00Z,      false
      """)
    void aHoldIsActiveUntilItsUntilPasses(@Nullable Instant until, boolean active) {
        assertThat(HoldState.isActive(new Hold("rolled back to v41", until, "alice"), NOW))
                .isEqualTo(active);
    }

    @Test
    void noHoldIsNeverActive() {
        assertThat(HoldState.isActive(null, NOW)).isFalse();
    }

    @Test
    void aHoldSaysWhyAndWho() {
        assertThat(onlyErrorOf(() -> new Hold(" ", null, "alice")).field()).isEqualTo("hold.reason");
        assertThat(onlyErrorOf(() -> new Hold("rollback", null, "")).field()).isEqualTo("hold.by");
    }
}
