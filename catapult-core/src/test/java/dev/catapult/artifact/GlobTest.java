package dev.catapult.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
        "**/pom.xml,        pom.xml,             true",
        "**/pom.xml,        a/pom.xml,           true",
        "**/pom.xml,        a/b/c/pom.xml,       true",
        "**/pom.xml,        a/pom.xml/x,         false",
        "**/pom.xml,        a/xpom.xml,          false",
        "*.json,            a.json,              true",
        "*.json,            dir/a.json,          false",
        "**/*.deps.json,    app/Api.deps.json,   true",
        "**/*.deps.json,    app/deps.json,       false",
        "**/requirements*.txt, requirements.txt, true",
        "**/requirements*.txt, a/requirements-prod.txt, true",
        "**/requirements*.txt, a/requirements/x.txt, false",
        "a/**/b,            a/b,                 true",
        "a/**/b,            a/x/y/b,             true",
        "a/**/b,            b,                   false",
        "a/**,              a/x/y,               true",
        "a/**,              a,                   true",
        "**,                anything/at/all,     true",
        "**/a/**/b.txt,     x/a/y/a/z/b.txt,     true",
        "**/a/**/b.txt,     x/y/b.txt,           false",
        "a?c,               abc,                 true",
        "a?c,               ac,                  false",
        "a*b*c,             aXbYbZc,             true",
        "a*b*c,             aXbYbZ,              false",
        "[ab].txt,          [ab].txt,            true",
        "[ab].txt,          a.txt,               false",
        "a**b,              a/x/b,               false",
        "a**b,              axxb,                true",
    })
    void matchesWholePaths(String pattern, String path, boolean expected) {
        assertThat(Glob.of(pattern).matches(path)).isEqualTo(expected);
    }
}
