package dev.catapult.common;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "90s, PT1M30S",
        "5m, PT5M",
        "2h, PT2H",
        "1d, PT24H",
        "500ms, PT0.5S",
        "PT5M, PT5M",
        "PT1H30M, PT1H30M",
        "P1D, PT24H",
        "' 5m ', PT5M"
    })
    void shortFormsAndIso8601AreParsed(String text, Duration expected) {
        assertThat(Durations.parse("timeout", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0ms", "0d", "PT0S", "PT-5M", "-PT5M"})
    void zeroAndNegativeDurationsAreRefused(String text) {
        InvalidInput.FieldError error = onlyErrorOf(() -> Durations.parse("timeout", text));

        assertThat(error).isEqualTo(new InvalidInput.FieldError("timeout", "must be a positive duration"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "five minutes", "5", "5 m", "5M", "1w", "1.5h", "-5m", "m", "1234567890s", "PT", "5m30s"})
    void garbageIsRefusedNamingTheFieldAndShowingAnExample(String text) {
        InvalidInput.FieldError error = onlyErrorOf(() -> Durations.parse("watch.minAge", text));

        assertThat(error.field()).isEqualTo("watch.minAge");
        assertThat(error.message()).contains("is not a duration").contains("90s");
    }
}
