package dev.catapult.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WhiteoutsTest {

    @ParameterizedTest(name = "{0} removes {1}")
    @CsvSource({
        "app/.wh.pom.xml,       app/pom.xml",
        ".wh.app,               app",
        "a/b/.wh.node_modules,  a/b/node_modules",
        "a/.wh..hidden,         a/.hidden",
    })
    void prefixedNamesRemoveTheirSibling(String path, String removed) {
        assertThat(Whiteouts.of(path)).contains(new Whiteout.Removal(removed));
    }

    @ParameterizedTest(name = "{0} makes ''{1}'' opaque")
    @CsvSource({
        "app/.wh..wh..opq,      app",
        "a/b/.wh..wh..opq,      a/b",
        ".wh..wh..opq,          ''",
    })
    void opaqueMarkerMakesItsDirectoryOpaque(String path, String directory) {
        assertThat(Whiteouts.of(path)).contains(new Whiteout.Opaque(directory));
    }

    @ParameterizedTest
    @CsvSource({"app/pom.xml", "app/x.wh.y", "app/.wh/pom.xml", "app/.wh..wh.plnk", "app/.wh..wh.aufs"})
    void otherNamesAreNoWhiteouts(String path) {
        assertThat(Whiteouts.of(path)).isEmpty();
    }

    @Test
    void whiteoutsNamingNothingAreMalformed() {
        assertThat(Whiteouts.of("app/.wh.")).get().isInstanceOf(Whiteout.Malformed.class);
        assertThat(Whiteouts.of("app/.wh...")).get().isInstanceOf(Whiteout.Malformed.class);
        assertThat(Whiteouts.of("app/.wh..")).get().isInstanceOf(Whiteout.Malformed.class);
        assertThat(Whiteouts.of("app/.wh..x")).isEqualTo(Optional.of(new Whiteout.Removal("app/.x")));
    }
}
