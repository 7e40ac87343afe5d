package dev.catapult.release;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.common.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CommitShaTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void fullLowerCaseShaIsAccepted() {
        assertThat(new CommitSha(SHA).value()).isEqualTo(SHA);
    }

    @Test
    void upperCaseShaIsKeptInLowerCase() {
        assertThat(new CommitSha(SHA.toUpperCase())).isEqualTo(new CommitSha(SHA));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "0123456",
                "0123456789abcdef0123456789abcdef0123456",
                "0123456789abcdef0123456789abcdef012345678",
                "g123456789abcdef0123456789abcdef01234567",
                " 0123456789abcdef0123456789abcdef01234567",
                "0123456789abcdef0123456789abcdef0123456 "
            })
    void anythingButFortyHexDigitsIsRefused(String text) {
        InvalidInput.FieldError error = onlyErrorOf(() -> new CommitSha(text));

        assertThat(error.field()).isEqualTo("commit");
        assertThat(error.message()).contains("40-hex-digit");
    }

    @Test
    void parsingNamesTheFieldItWasGiven() {
        assertThat(onlyErrorOf(() -> CommitSha.of("commits[3]", "abc")).field()).isEqualTo("commits[3]");
    }

    @Test
    void parsingAcceptsUpperCase() {
        assertThat(CommitSha.of("commit", SHA.toUpperCase()).value()).isEqualTo(SHA);
    }

    @Test
    void shortShaIsTheFirstSevenDigits() {
        assertThat(new CommitSha(SHA).shortSha()).isEqualTo("0123456");
    }

    @Test
    void printsAsItsValue() {
        assertThat(new CommitSha(SHA)).hasToString(SHA);
    }
}
