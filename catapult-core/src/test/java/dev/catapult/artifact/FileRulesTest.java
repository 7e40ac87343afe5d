package dev.catapult.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.catapult.artifact.FileRules.Interest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileRulesTest {
    private static final FileRules DEFAULTS = FileRules.defaults();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "pom.xml,                                   WANTED",
        "app/pom.xml,                               WANTED",
        "app/a/b/c/pom.xml,                         WANTED",
        "app/package.json,                          WANTED",
        "app/node_modules/left-pad/package.json,    WANTED",
        "app/package-lock.json,                     WANTED",
        "app/Api.deps.json,                         WANTED",
        "app/.deps.json,                            WANTED",
        "src/go.mod,                                WANTED",
        "requirements.txt,                          WANTED",
        "app/requirements-dev.txt,                  WANTED",
        "app/Gemfile.lock,                          WANTED",
        "sbom/image.spdx.json,                      WANTED",
        "sbom/image.cdx.json,                       WANTED",
        "usr/lib/node_modules/npm/package.json,     SKIPPED_PREFIX",
        "usr/share/java/pom.xml,                    SKIPPED_PREFIX",
        "app/pom.xml.bak,                           NONE",
        "app/mypom.xml,                             NONE",
        "app/package.json/readme,                   NONE",
        "app/deps.json,                             NONE",
        "app/requirements.txt.orig,                 NONE",
        "app/Gemfile,                               NONE",
        "usr/bin/env,                               NONE",
        "usrlocal/pom.xml,                          WANTED",
    })
    void defaultRulesClassifyPaths(String path, Interest expected) {
        assertThat(DEFAULTS.interest(path)).isEqualTo(expected);
        assertThat(DEFAULTS.wants(path)).isEqualTo(expected == Interest.WANTED);
    }

    @Test
    void theRootDirectoryIsNeverAFile() {
        assertThat(DEFAULTS.interest("")).isEqualTo(Interest.NONE);
    }

    @Test
    void defaultsAreTheSpecsOnes() {
        assertThat(DEFAULTS.include())
                .containsExactly(
                        "**/package.json",
                        "**/package-lock.json",
                        "**/pom.xml",
                        "**/*.deps.json",
                        "**/go.mod",
                        "**/requirements*.txt",
                        "**/Gemfile.lock",
                        "**/*.spdx.json",
                        "**/*.cdx.json");
        assertThat(DEFAULTS.skippedPrefixes()).containsExactly("usr/");
        assertThat(DEFAULTS.maxFileBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(DEFAULTS.maxLayerBytes()).isEqualTo(4L * 1024 * 1024 * 1024);
    }

    @Test
    void customRulesUseTheirOwnGlobsAndPrefixes() {
        FileRules rules =
                new FileRules(List.of("etc/os-release", "opt/**/*.jar"), List.of("opt/vendor/"), 10, 100, 1000);

        assertThat(rules.wants("etc/os-release")).isTrue();
        assertThat(rules.wants("opt/app/lib/a.jar")).isTrue();
        assertThat(rules.interest("opt/vendor/b.jar")).isEqualTo(Interest.SKIPPED_PREFIX);
        assertThat(rules.wants("app/pom.xml")).isFalse();
    }

    @Test
    void negativeCapsAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FileRules.defaults().withMaxFileBytes(-1));
    }

    @Test
    void absoluteGlobsAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FileRules(List.of("/etc/passwd"), List.of(), 1, 1, 1));
    }
}
