package dev.catapult.release;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.catapult.app.ImageRepository;
import dev.catapult.common.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
    private static final String DIGEST = "sha256:" + DigestTest.HEX64;

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", delimiter = '|', textBlock = """
      127.0.0.1:5000/shop/api:1.0                                                               | 127.0.0.1:5000/shop/api | 1.0      | none
      127.0.0.1:5000/shop/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef     | 127.0.0.1:5000/shop/api | none     | sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      127.0.0.1:5000/shop/api:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | 127.0.0.1:5000/shop/api | 1.0      | sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      ghcr.io/acme/api:v2.3.4-rc.1                                                              | ghcr.io/acme/api        | v2.3.4-rc.1 | none
      ghcr.io/acme/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  | ghcr.io/acme/api        | none     | sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      localhost:5000/api:latest                                                                 | localhost:5000/api      | latest   | none
      [::1]:5000/api:1                                                                          | [::1]:5000/api          | 1        | none
      nginx:1.27                                                                                | nginx                   | 1.27     | none
      library/nginx:Stable_1                                                                    | library/nginx           | Stable_1 | none
      """)
    void splitsRepositoryTagAndDigest(String text, String repository, String tag, String digest) {
        ImageReference ref = ImageReference.parse("image", text);

        assertThat(ref.repository()).isEqualTo(new ImageRepository(repository));
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.digest()).isEqualTo(digest == null ? null : new Digest(digest));
    }

    @Test
    void registryPortIsNotMistakenForATag() {
        InvalidInput.FieldError error = onlyErrorOf(() -> ImageReference.parse("image", "127.0.0.1:5000/shop/api"));

        assertThat(error.message()).contains("needs a tag or a digest");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void emptyReferenceIsRefused(String text) {
        InvalidInput.FieldError error = onlyErrorOf(() -> ImageReference.parse("image", text));

        assertThat(error.field()).isEqualTo("image");
        assertThat(error.message()).isEqualTo("must not be empty");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // 60 hex digits, as in AWS's documented ECR "Image Action" sample event
                "ghcr.io/acme/api@sha256:7f5b2640fe6fb4f46592dfd3410c4a79dac4f89e4782432e0378abcd1234",
                "ghcr.io/acme/api@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
                "ghcr.io/acme/api@sha512:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "ghcr.io/acme/api:1.0@",
                "ghcr.io/acme/api@latest"
            })
    void invalidDigestIsRefused(String text) {
        InvalidInput.FieldError error = onlyErrorOf(() -> ImageReference.parse("image", text));

        assertThat(error.field()).isEqualTo("image");
        assertThat(error.message()).contains("invalid digest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghcr.io/acme/api:", "ghcr.io/acme/api:-rc", "ghcr.io/acme/api:.1", "ghcr.io/acme/api:a+b"})
    void invalidTagIsRefused(String text) {
        assertThat(onlyErrorOf(() -> ImageReference.parse("image", text)).message())
                .contains("invalid tag");
    }

    @Test
    void tagOfMoreThan128CharactersIsRefused() {
        assertThat(onlyErrorOf(() -> ImageReference.parse("image", "ghcr.io/acme/api:" + "a".repeat(129)))
                        .message())
                .contains("invalid tag");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ghcr.io/Acme/api:1.0",
                "Shop/api:1.0",
                "ghcr.io//api:1.0",
                "/api:1.0",
                ":1.0",
                "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "ghcr.io/acme/api v2:1.0"
            })
    void invalidRepositoryIsRefused(String text) {
        InvalidInput.FieldError error = onlyErrorOf(() -> ImageReference.parse("image", text));

        assertThat(error.field()).isEqualTo("image");
        assertThat(error.message()).contains("is not an image reference");
    }

    @Test
    void errorsNameTheFieldTheyWereParsedFor() {
        assertThat(onlyErrorOf(() -> ImageReference.parse("artifact.image", "Bad:1"))
                        .field())
                .isEqualTo("artifact.image");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1:5000/shop/api:1.0",
                "ghcr.io/acme/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "ghcr.io/acme/api:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            })
    void printsAsItWasWritten(String text) {
        assertThat(ImageReference.parse("image", text)).hasToString(text);
    }

    @Test
    void digestReferenceDropsTheTag() {
        ImageReference ref = ImageReference.parse("image", "127.0.0.1:5000/shop/api:1.0@" + DIGEST);

        assertThat(ref.digestReference()).isEqualTo("127.0.0.1:5000/shop/api@" + DIGEST);
        assertThat(ref.pinned()).contains(new Digest(DIGEST));
    }

    @Test
    void tagOnlyReferenceIsNotPinned() {
        ImageReference ref = ImageReference.parse("image", "ghcr.io/acme/api:1.0");

        assertThat(ref.pinned()).isEmpty();
        assertThatIllegalStateException().isThrownBy(ref::digestReference);
    }

    @Test
    void referenceNeedsATagOrADigest() {
        ImageRepository repository = new ImageRepository("ghcr.io/acme/api");

        assertThat(onlyErrorOf(() -> new ImageReference(repository, null, null)).message())
                .contains("needs a tag or a digest");
    }
}
