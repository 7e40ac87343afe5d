package dev.catapult.release;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.common.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
    static final String HEX64 = "0123456789abcdef".repeat(4);

    @Test
    void sha256WithSixtyFourLowerCaseHexDigitsIsADigest() {
        assertThat(new Digest("sha256:" + HEX64)).hasToString("sha256:" + HEX64);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                // 60 hex digits, as in AWS's documented ECR "Image Action" sample event
                "sha256:7f5b2640fe6fb4f46592dfd3410c4a79dac4f89e4782432e0378abcd1234",
                "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
                "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
                "sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
                "sha256:g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "SHA256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "sha512:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "sha256:",
                " sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            })
    void anythingElseIsRefused(String text) {
        InvalidInput.FieldError error = onlyErrorOf(() -> new Digest(text));

        assertThat(error.field()).isEqualTo("digest");
        assertThat(error.message()).contains("sha256:<64 lower-case hex digits>");
    }
}
