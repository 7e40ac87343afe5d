package dev.catapult.environment;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentNameTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "dev",
                "staging",
                "prod",
                "prod-eu-1",
                "0",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void appNameGrammarMakesAnEnvironmentName(String text) {
        assertThat(new EnvironmentName(text)).hasToString(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "Prod",
                "-dev",
                "prod_eu",
                "prod.eu",
                "prod eu",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void anythingElseIsRefusedNamingTheEnvironmentField(String text) {
        assertThat(onlyErrorOf(() -> new EnvironmentName(text)).field()).isEqualTo("environment");
    }
}
