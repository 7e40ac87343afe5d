package dev.catapult.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TarPathsTest {

    @ParameterizedTest(name = "''{0}'' → ''{1}''")
    @CsvSource({
        "app/pom.xml,          app/pom.xml",
        "./app/pom.xml,        app/pom.xml",
        "././app/pom.xml,      app/pom.xml",
        "app//lib///pom.xml,   app/lib/pom.xml",
        "app/./lib/./pom.xml,  app/lib/pom.xml",
        "app/lib/,             app/lib",
        "app/x/../pom.xml,     app/pom.xml",
        "app/x/y/../../a,      app/a",
        "./,                   ''",
        ".,                    ''",
        "café/pom.xml,         café/pom.xml",
        "'a b/c,d',            'a b/c,d'",
    })
    void safeNamesAreCleaned(String name, String expected) {
        assertThat(TarPaths.normalise(name)).isEqualTo(new NormalisedPath.Safe(expected));
    }

    @ParameterizedTest(name = "''{0}'' refused: {1}")
    @CsvSource({
        "/etc/passwd,          absolute path",
        "//etc/passwd,         absolute path",
        "../etc/passwd,        escapes the layer root",
        "app/../../etc/passwd, escapes the layer root",
        "./..,                 escapes the layer root",
        "a/b/../../../x,       escapes the layer root",
    })
    void hostileNamesAreRefused(String name, String reasonPart) {
        assertThat(TarPaths.normalise(name))
                .isInstanceOfSatisfying(
                        NormalisedPath.Refused.class,
                        refused -> assertThat(refused.reason()).contains(reasonPart));
    }

    @Test
    void controlCharactersAreRefused() {
        assertThat(TarPaths.normalise("app/pom.xml\0.png"))
                .isEqualTo(new NormalisedPath.Refused("name contains a NUL character"));
        assertThat(TarPaths.normalise("app/\npom.xml"))
                .isEqualTo(new NormalisedPath.Refused("name contains control character U+000A"));
        assertThat(TarPaths.normalise("app/\u001b[31mred")).isInstanceOf(NormalisedPath.Refused.class);
        assertThat(TarPaths.normalise("app/\u0085x")).isInstanceOf(NormalisedPath.Refused.class);
    }

    @Test
    void replacementCharacterMeansTheNameWasNotUtf8() {
        assertThat(TarPaths.normalise("app/caf\uFFFD"))
                .isEqualTo(new NormalisedPath.Refused("name is not valid UTF-8"));
    }

    @Test
    void namesUpToPathMaxAreAcceptedLongerOnesRefused() {
        String limit = "a/".repeat(2047) + "bb";
        assertThat(limit).hasSize(4096);
        assertThat(TarPaths.normalise(limit)).isInstanceOf(NormalisedPath.Safe.class);
        assertThat(TarPaths.normalise(limit + "b"))
                .isEqualTo(new NormalisedPath.Refused("name longer than 4096 characters"));
    }

    @ParameterizedTest(name = "{0} -> {1}: escapes {2}")
    @CsvSource({
        "app/link,        target,                 false",
        "app/link,        ../etc/passwd,          false",
        "app/link,        ../../etc/passwd,       true",
        "link,            ../x,                   true",
        "a/b/c/link,      ../../../x,             false",
        "a/b/c/link,      ../../../../x,          true",
        "a/link,          x/../../y,              false",
        "a/link,          x/../../../y,           true",
        "etc/alternatives/java, /usr/lib/jvm/bin/java, false",
        "etc/link,        /../../etc/shadow,      true",
        "etc/link,        /,                      false",
        "etc/link,        .,                      false",
    })
    void symlinkTargetsResolveFromTheLinksDirectoryOrTheImageRoot(String entry, String target, boolean escapes) {
        assertThat(TarPaths.linkTargetEscapes(entry, target)).isEqualTo(escapes);
    }
}
