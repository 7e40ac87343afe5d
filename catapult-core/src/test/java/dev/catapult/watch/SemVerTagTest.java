package dev.catapult.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTagTest {

    /**
     * Ordered pairs (first > second) from public SemVer test corpora, copied as data:
     *
     * <ul>
     *   <li>npm/node-semver, test/fixtures/comparisons.js (commit fe9240696182ecbb57367f11b9cde78847c00b68),
     *       all 31 pairs, including the {@code v}-prefixed ones node-semver parses with {@code loose};
     *   <li>Masterminds/semver, version_test.go (commit e683c4bc93bf35ff810cb0eab188e8e8e9f72fda), the pairs of
     *       TestCompare and TestGreaterThan that are full SemVer 2.0.0 versions (its two-part {@code 4.2-beta}
     *       style rows are not, and are left out), written greater-first.
     * </ul>
     */
    static final List<List<String>> CORPUS = List.of(
            // npm/node-semver test/fixtures/comparisons.js
            List.of("0.0.0", "0.0.0-foo"),
            List.of("0.0.1", "0.0.0"),
            List.of("1.0.0", "0.9.9"),
            List.of("0.10.0", "0.9.0"),
            List.of("0.99.0", "0.10.0"),
            List.of("2.0.0", "1.2.3"),
            List.of("v0.0.0", "0.0.0-foo"),
            List.of("v0.0.1", "0.0.0"),
            List.of("v1.0.0", "0.9.9"),
            List.of("v0.10.0", "0.9.0"),
            List.of("v0.99.0", "0.10.0"),
            List.of("v2.0.0", "1.2.3"),
            List.of("0.0.0", "v0.0.0-foo"),
            List.of("0.0.1", "v0.0.0"),
            List.of("1.0.0", "v0.9.9"),
            List.of("0.10.0", "v0.9.0"),
            List.of("0.99.0", "v0.10.0"),
            List.of("2.0.0", "v1.2.3"),
            List.of("1.2.3", "1.2.3-asdf"),
            List.of("1.2.3", "1.2.3-4"),
            List.of("1.2.3", "1.2.3-4-foo"),
            List.of("1.2.3-5-foo", "1.2.3-5"),
            List.of("1.2.3-5", "1.2.3-4"),
            List.of("1.2.3-5-foo", "1.2.3-5-Foo"),
            List.of("3.0.0", "2.7.2+asdf"),
            List.of("1.2.3-a.10", "1.2.3-a.5"),
            List.of("1.2.3-a.b", "1.2.3-a.5"),
            List.of("1.2.3-a.b", "1.2.3-a"),
            List.of("1.2.3-a.b.c.10.d.5", "1.2.3-a.b.c.5.d.100"),
            List.of("1.2.3-r2", "1.2.3-r100"),
            List.of("1.2.3-r100", "1.2.3-R2"),
            // Masterminds/semver version_test.go, TestCompare
            List.of("1.5.1", "1.2.3"),
            List.of("2.2.3", "1.5.1"),
            List.of("2.2.3", "2.2.2"),
            List.of("1.0.0-beta.-2", "1.0.0-beta.4"),
            List.of("1.0.0-beta.-3", "1.0.0-beta.-2"),
            List.of("1.0.0-beta.-3", "1.0.0-beta.5"),
            // Masterminds/semver version_test.go, TestGreaterThan
            List.of("3.2.0-beta.5", "3.2.0-beta.1"),
            List.of("7.43.0-SNAPSHOT.103", "7.43.0-SNAPSHOT.99"),
            List.of("7.43.0-SNAPSHOT.FOO", "7.43.0-SNAPSHOT.103"),
            List.of("7.43.0-SNAPSHOT.BAR", "7.43.0-SNAPSHOT.99"));

    static Stream<Arguments> corpus() {
        return CORPUS.stream().map(pair -> Arguments.of(pair.get(0), pair.get(1)));
    }

    @Test
    void theCorpusHoldsAtLeastFortyOrderedPairs() {
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0} > {1}")
    @MethodSource("corpus")
    @SuppressWarnings("SelfComparison") // compareTo must be reflexive: comparing a tag with itself is the point
    void corpusPairsCompareGreaterOneWayAndLessTheOther(String greater, String lesser) {
        SemVerTag g = version(greater);
        SemVerTag l = version(lesser);
        assertThat(g.compareTo(l)).isPositive();
        assertThat(l.compareTo(g)).isNegative();
        assertThat(g.compareTo(g)).isZero();
        assertThat(l.compareTo(l)).isZero();
    }

    /** semver.org, SemVer 2.0.0 §11 (semver/semver, semver.md): both example chains, in ascending order. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta < 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0",
                "1.0.0 < 2.0.0 < 2.1.0 < 2.1.1"
            })
    void theSpecsPrecedenceChainsAreStrictlyAscending(String chain) {
        List<SemVerTag> versions =
                Stream.of(chain.split(" < ")).map(SemVerTagTest::version).toList();
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < versions.size(); j++) {
                assertThat(Integer.signum(versions.get(i).compareTo(versions.get(j))))
                        .as("%s vs %s", versions.get(i).tag(), versions.get(j).tag())
                        .isEqualTo(Integer.compare(i, j));
            }
        }
    }

    @Test
    void sortingShuffledVersionsGivesTheSpecOrder() {
        List<String> ascending = List.of(
                "1.0.0-alpha",
                "1.0.0-alpha.1",
                "1.0.0-alpha.beta",
                "1.0.0-beta",
                "1.0.0-beta.2",
                "1.0.0-beta.11",
                "1.0.0-rc.1",
                "1.0.0",
                "2.0.0",
                "2.1.0",
                "2.1.1");
        List<String> shuffled = IntStream.range(0, ascending.size())
                .mapToObj(i -> ascending.get((i * 7) % 11))
                .toList();
        assertThat(shuffled.stream()
                        .map(SemVerTagTest::version)
                        .sorted()
                        .map(SemVerTag::tag)
                        .toList())
                .isEqualTo(ascending);
    }

    @ParameterizedTest(name = "{0} > {1}")
    @CsvSource(delimiter = '|', textBlock = """
      # alphanumeric identifiers compare in ASCII order, digits inside them included (§11.4.2)
      1.0.0-alpha9          | 1.0.0-alpha10
      1.0.0-a-9             | 1.0.0-a-10
      1.0.0-rc9             | 1.0.0-rc10
      1.0.0-b               | 1.0.0-ab
      1.0.0-alpha           | 1.0.0-Beta
      # numeric identifiers compare by value, without bound, and below alphanumeric ones (§11.4.1, §11.4.3)
      1.0.0-rc.100000000000000000000 | 1.0.0-rc.99999999999999999999
      1.0.0-1a              | 1.0.0-10
      1.0.0-0A              | 1.0.0-999
      # major, minor and patch are unbounded numbers
      100000000000000000000.0.0 | 99999999999999999999.0.0
      1.0.100000000000000000000 | 1.0.99999999999999999999
      """)
    void edgesOfPrecedenceFollowTheSpecLetter(String greater, String lesser) {
        assertThat(version(greater).compareTo(version(lesser))).isPositive();
        assertThat(version(lesser).compareTo(version(greater))).isNegative();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
      1.2.3           | v1.2.3
      1.2.3-rc.1      | v1.2.3-rc.1
      1.2.3+build.1   | 1.2.3+build.2
      1.2.3-beta+exp  | 1.2.3-beta+other
      v1.2.3+sha.5114f85 | 1.2.3
      """)
    void aLeadingVAndBuildMetadataDoNotCountForPrecedence(String a, String b) {
        assertThat(version(a).compareTo(version(b))).isZero();
        assertThat(version(b).compareTo(version(a))).isZero();
    }

    @Test
    void theTagKeepsItsVPrefixWhileTheVersionIgnoresIt() {
        SemVerTag v = version("v1.2.3-rc.1");
        assertThat(v.tag()).isEqualTo("v1.2.3-rc.1");
        assertThat(List.of(v.major(), v.minor(), v.patch()))
                .containsExactly(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3));
        assertThat(v.preRelease()).containsExactly("rc", "1");
        assertThat(v.isPreRelease()).isTrue();
        assertThat(version("1.2.3+build.7").build()).containsExactly("build", "7");
        assertThat(version("1.2.3+build.7").isPreRelease()).isFalse();
    }

    @ParameterizedTest(name = "''{0}'' is not a version")
    @ValueSource(
            strings = {
                // alias tags and other things registries are full of
                "latest",
                "stable",
                "edge",
                "main",
                "1",
                "1.2",
                "v1",
                "v1.2",
                "sha-5114f85",
                "2024-06-01",
                // not MAJOR.MINOR.PATCH
                "1.2.3.4",
                "v1.2.3.4",
                "1.2.beta",
                "1.2-beta.5",
                "1..3",
                "1.2.",
                ".1.2.3",
                // leading zeros (§2, §9)
                "01.2.3",
                "1.02.3",
                "1.2.03",
                "1.2.3-01",
                "1.2.3-rc.01",
                // empty or malformed identifiers
                "1.2.3-",
                "1.2.3+",
                "1.2.3-a..b",
                "1.2.3-rc.1.",
                "1.2.3+a..b",
                // prefixes other than one lower-case v, and surrounding space
                "V1.2.3",
                "vv1.2.3",
                "=1.2.3",
                "v 1.2.3",
                " 1.2.3",
                "1.2.3 ",
                "version1.2.3",
                // Docker tags cannot hold '+': build metadata spelled another way is not interpreted
                "1.2.3_build.5",
                "1.2.3-rc.1_7",
                "1.2.3__sha",
                // not ASCII
                "1.2.3-ß",
                "١.2.3",
                ""
            })
    void thingsThatAreNotFullSemVerVersionsDoNotParse(String text) {
        assertThat(SemVerTag.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' is a version")
    @ValueSource(
            strings = {
                "0.0.0",
                "v0.0.0",
                "1.2.3",
                "v10.20.30",
                "1.0.0-0A.is.legal",
                "1.1.2-prerelease+meta",
                "1.0.0-alpha-a.b-c",
                "1.2.3----RC-SNAPSHOT.12.9.1--.12",
                "1.0.0-rc.1+build.1",
                "2.0.0+build.1848",
                "1.2.3-beta.-2"
            })
    void fullSemVerVersionsParse(String text) {
        assertThat(SemVerTag.parse(text))
                .hasValueSatisfying(v -> assertThat(v.tag()).isEqualTo(text));
    }

    @Test
    void overlongStringsAreNotVersions() {
        assertThat(SemVerTag.parse("1.0.0-" + "a".repeat(122)))
                .as("128 characters, the OCI tag limit")
                .isPresent();
        assertThat(SemVerTag.parse("1.0.0-" + "a".repeat(123))).isEmpty();
    }

    private static SemVerTag version(String text) {
        return SemVerTag.parse(text).orElseThrow(() -> new AssertionError(text + " should parse"));
    }
}
