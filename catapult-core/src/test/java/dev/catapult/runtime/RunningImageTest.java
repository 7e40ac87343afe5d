package dev.catapult.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catapult.common.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunningImageTest {
    private static final String D1 = "sha256:74b2c688c700ec95a93e478cdb959737c148df3fbf5ea706abe0318726e885e6";
    private static final String D2 = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(nullValues = "none", delimiter = '|', textBlock = """
      111122223333.dkr.ecr.us-west-2.amazonaws.com/hello-repository:latest | sha256:74b2c688c700ec95a93e478cdb959737c148df3fbf5ea706abe0318726e885e6 | 111122223333.dkr.ecr.us-west-2.amazonaws.com/hello-repository | latest | sha256:74b2c688c700ec95a93e478cdb959737c148df3fbf5ea706abe0318726e885e6
      127.0.0.1:5000/shop/api:1.2.3                                      | none | 127.0.0.1:5000/shop/api | 1.2.3  | none
      127.0.0.1:5000/shop/api                                            | none | 127.0.0.1:5000/shop/api | latest | none
      localhost:5000/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | none | localhost:5000/api | none | sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      ghcr.io/acme/api:2.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | sha256:74b2c688c700ec95a93e478cdb959737c148df3fbf5ea706abe0318726e885e6 | ghcr.io/acme/api | 2.0 | sha256:74b2c688c700ec95a93e478cdb959737c148df3fbf5ea706abe0318726e885e6
      amazon/aws-for-fluent-bit:stable                                   | none | amazon/aws-for-fluent-bit | stable | none
      """)
    void splitsRegistryPortTagAndDigestAndPrefersTheResolvedDigest(
            String image, String resolved, String repo, String tag, String digest) {
        RunningImage ri = RunningImage.of(image, resolved);

        assertThat(ri.repository().value()).isEqualTo(repo);
        assertThat(ri.tag()).isEqualTo(tag);
        assertThat(ri.digest() == null ? null : ri.digest().value()).isEqualTo(digest);
    }

    @Test
    void aTruncatedDigestIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> RunningImage.of(
                        "ghcr.io/acme/api:1", "sha256:7f5b2640fe6fb4f46592dfd3410c4a79dac4f89e4782432e0378abcd1234"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("imageDigest")
                .hasMessageContaining("64");
    }

    @Test
    void anEmptyImageIsRejected() {
        assertThatThrownBy(() -> RunningImage.of(" ", D1)).isInstanceOf(InvalidInput.class);
        assertThat(RunningImage.of("a/b@" + D2, null).toString()).isEqualTo("a/b@" + D2);
    }
}
