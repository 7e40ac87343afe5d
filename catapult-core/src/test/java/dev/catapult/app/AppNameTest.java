package dev.catapult.app;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.common.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AppNameTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "0",
                "shop",
                "shop-api",
                "a--b",
                "shop-",
                "1password",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void lowerCaseLettersDigitsAndDashesUpTo63AreAName(String text) {
        assertThat(new AppName(text)).hasToString(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "-shop",
                "Shop",
                "shop_api",
                "shop.api",
                "shop api",
                "shop/api",
                "café",
                " shop",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void anythingElseIsRefusedNamingTheField(String text) {
        InvalidInput.FieldError error = onlyErrorOf(() -> new AppName(text));

        assertThat(error.field()).isEqualTo("name");
        assertThat(error.message()).contains("^[a-z0-9][a-z0-9-]{0,62}$");
    }

    @Test
    void namesWithTheSameTextAreEqual() {
        assertThat(new AppName("shop")).isEqualTo(new AppName("shop"));
    }
}
