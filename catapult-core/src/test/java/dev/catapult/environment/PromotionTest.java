package dev.catapult.environment;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.catapult.common.Conflict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromotionTest {

    @ParameterizedTest(name = "{0}({1}) → {2}({3})")
    @CsvSource({"dev, 10, staging, 20", "staging, 20, prod, 30", "dev, 10, prod, 30"})
    void promotionGoesUpTheRankOrder(String from, int fromRank, String to, int toRank) {
        assertThatCode(() -> Promotion.check(from, fromRank, to, toRank)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}({1}) → {2}({3})")
    @CsvSource({"prod, 30, staging, 20", "staging, 20, dev, 10", "qa, 20, staging, 20"})
    void promotionDownOrAcrossTheRankOrderIsAConflict(String from, int fromRank, String to, int toRank) {
        assertThatExceptionOfType(Conflict.class)
                .isThrownBy(() -> Promotion.check(from, fromRank, to, toRank))
                .withMessageContaining("higher-ranked environment");
    }

    @Test
    void promotionToTheSameEnvironmentIsInvalid() {
        assertThat(onlyErrorOf(() -> Promotion.check("dev", 10, "dev", 10)).field())
                .isEqualTo("to");
    }
}
