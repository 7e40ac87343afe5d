package dev.catapult.cli.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    private static final String SHA = "a".repeat(40);

    @Test
    void theSameReleaseRetriedGetsTheSameKey() {
        assertThat(IdempotencyKey.of("shop", SHA, "r/shop:ref-x", 4))
                .isEqualTo(IdempotencyKey.of("shop", SHA, "r/shop:ref-x", 4));
    }

    @Test
    void aDifferentPreviousVersionOrImageGetsANewKey() {
        String key = IdempotencyKey.of("shop", SHA, "r/shop:ref-x", 4);

        assertThat(IdempotencyKey.of("shop", SHA, "r/shop:ref-x", 5)).isNotEqualTo(key);
        assertThat(IdempotencyKey.of("shop", SHA, null, 4)).isNotEqualTo(key);
        assertThat(key).matches("[0-9a-f]{64}");
    }
}
