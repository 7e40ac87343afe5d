package dev.catapult.app;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.common.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRepositoryTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1:5000/shop/api",
                "ghcr.io/acme/api",
                "registry.example/team/sub/app",
                "docker.io/library/nginx",
                "localhost/api",
                "localhost:5000/api",
                "[::1]:5000/api",
                "Registry.Example.COM/acme/api",
                "acme/api",
                "nginx",
                "ghcr.io/acme/my_app",
                "ghcr.io/acme/my__app",
                "ghcr.io/acme/my--app",
                "ghcr.io/acme/app.v2"
            })
    void registryAndPathMakeARepository(String text) {
        assertThat(new ImageRepository(text)).hasToString(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "ghcr.io/acme/api:1.0",
                "ghcr.io/acme/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "ghcr.io/Acme/api",
                "Acme/api",
                "ghcr.io/",
                "ghcr.io//api",
                "/api",
                "api/",
                "ghcr.io/acme/_api",
                "ghcr.io/acme/api-",
                "ghcr.io/acme/a___b",
                "ghcr.io/acme/a.-b",
                "ghcr.io/acme/my app",
                "127.0.0.1:5000",
                "host:port/api",
                "127.0.0.1:123456/api"
            })
    void anythingElseIsRefused(String text) {
        InvalidInput.FieldError error = onlyErrorOf(() -> new ImageRepository(text));

        assertThat(error.field()).isEqualTo("image");
        assertThat(error.message()).contains("no tag, no digest");
    }

    @Test
    void repositoryOf255CharactersIsAccepted() {
        assertThat(ImageRepository.isValid("a".repeat(255))).isTrue();
    }

    @Test
    void repositoryOver255CharactersIsRefused() {
        assertThat(ImageRepository.isValid("a".repeat(256))).isFalse();
    }

    @ParameterizedTest(name = "{0} is a host: {1}")
    @CsvSource({
        "ghcr.io, true",
        "127.0.0.1:5000, true",
        "localhost, true",
        "[::1], true",
        "acme, false",
        "library, false"
    })
    void firstComponentIsARegistryWhenItLooksLikeAHost(String first, boolean host) {
        assertThat(ImageRepository.looksLikeHost(first)).isEqualTo(host);
    }
}
