package dev.catapult.watch;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image tag read as a SemVer 2.0.0 version, ordered by SemVer precedence (§11).
 *
 * <p>Only a full {@code MAJOR.MINOR.PATCH[-pre-release][+build]} is a version, optionally led by one lower-case
 * {@code v} ({@code v1.2.3}), which is ignored for precedence; {@link #tag()} keeps the string as written so the
 * tag that gets deployed is the real one. Everything else is not a version: alias tags ({@code latest},
 * {@code 1}, {@code 1.2}), four parts ({@code 1.2.3.4}), leading zeros ({@code 01.2.3}, {@code 1.0.0-01}),
 * surrounding spaces, {@code =1.2.3}, {@code V1.2.3}. Docker tags cannot contain {@code +}, so real tags never carry
 * build metadata; spellings like {@code 1.2.3_build5} are not interpreted and simply do not parse. Build metadata
 * in strings that do parse (a regex capture, a test corpus) is kept and ignored for precedence. Numbers are
 * unbounded, as in the spec.
 *
 * <p>Hand-written rather than taken from semver4j 6.0.0 (a common SemVer library for Java), because that
 * library does not give exact SemVer 2.0.0 precedence: it orders alphanumeric pre-release identifiers that
 * contain digits numerically ({@code 1.0.0-alpha10 > 1.0.0-alpha9}, {@code 1.0.0-a-10 > 1.0.0-a-9}) where §11.4.2
 * requires ASCII order ({@code alpha10 < alpha9}), throws {@code NumberFormatException} on numeric identifiers
 * beyond {@code long} ({@code 1.0.0-rc.99999999999999999999}), caps major/minor/patch at {@code int}, and trims
 * surrounding whitespace. Checked against semver4j 6.0.0 when this class was written.
 *
 * <p>{@link #compareTo} is precedence and therefore inconsistent with {@link #equals}: {@code 1.2.3} and
 * {@code v1.2.3} rank equal but are different tags.
 *
 * @param tag the string as written, including a leading {@code v}
 * @param preRelease the dot-separated pre-release identifiers; empty for a release
 * @param build the dot-separated build-metadata identifiers; ignored for precedence
 */
public record SemVerTag(
        String tag, BigInteger major, BigInteger minor, BigInteger patch, List<String> preRelease, List<String> build)
        implements Comparable<SemVerTag> {

    /** OCI tags are at most 128 characters; the cap also keeps regex matching cheap on hostile input. */
    private static final int MAX_LENGTH = 128;

    private static final String NUMBER = "0|[1-9][0-9]*";
    private static final String PRE_RELEASE_ID = "0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*";

    /** The grammar of semver.org §2, §9, §10 (its suggested regular expression), plus an optional {@code v}. */
    private static final Pattern SEMVER = Pattern.compile("v?(" + NUMBER + ")\\.(" + NUMBER + ")\\.(" + NUMBER + ")"
            + "(?:-((?:" + PRE_RELEASE_ID + ")(?:\\.(?:" + PRE_RELEASE_ID + "))*))?"
            + "(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    public SemVerTag {
        Objects.requireNonNull(tag, "tag");
        if (major.signum() < 0 || minor.signum() < 0 || patch.signum() < 0) {
            throw new IllegalArgumentException("version numbers are non-negative: " + tag);
        }
        preRelease = List.copyOf(preRelease);
        build = List.copyOf(build);
    }

    /** The version {@code text} denotes, or empty when it is not a full SemVer 2.0.0 version. */
    public static Optional<SemVerTag> parse(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SemVerTag(
                text,
                new BigInteger(m.group(1)),
                new BigInteger(m.group(2)),
                new BigInteger(m.group(3)),
                identifiers(m.group(4)),
                identifiers(m.group(5))));
    }

    private static List<String> identifiers(String dotted) {
        return dotted == null ? List.of() : List.of(dotted.split("\\.", -1));
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    /** Whether {@code other} has the same major version. */
    public boolean sameMajor(SemVerTag other) {
        return major.equals(other.major);
    }

    /** Whether {@code other} has the same major and minor version. */
    public boolean sameMinor(SemVerTag other) {
        return sameMajor(other) && minor.equals(other.minor);
    }

    /** SemVer 2.0.0 §11 precedence; build metadata and a leading {@code v} do not count. */
    @Override
    public int compareTo(SemVerTag other) {
        int c = major.compareTo(other.major);
        if (c == 0) {
            c = minor.compareTo(other.minor);
        }
        if (c == 0) {
            c = patch.compareTo(other.patch);
        }
        if (c != 0) {
            return c;
        }
        // §11.3: a pre-release ranks below the release it precedes.
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        int shared = Math.min(preRelease.size(), other.preRelease.size());
        for (int i = 0; i < shared; i++) {
            c = compareIdentifiers(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        // §11.4.4: with all shared identifiers equal, more identifiers rank higher.
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    /** §11.4.1–3: numeric identifiers by value and below alphanumeric ones, which compare in ASCII order. */
    private static int compareIdentifiers(String a, String b) {
        boolean aNumeric = DIGITS.matcher(a).matches();
        boolean bNumeric = DIGITS.matcher(b).matches();
        if (aNumeric && bNumeric) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
