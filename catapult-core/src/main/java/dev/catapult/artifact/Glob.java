package dev.catapult.artifact;

import dev.catapult.common.Wildcards;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A path glob over normalised layer paths ({@code a/b/c}, no leading slash). {@code **} as a whole segment
 * matches zero or more directories (so {@code **}{@code /pom.xml} matches {@code pom.xml} and
 * {@code a/b/pom.xml}); {@code *} matches any characters within one segment and {@code ?} exactly one;
 * everything else, braces and brackets included, is literal.
 *
 * <p>Hand-written rather than {@code FileSystems.getDefault().getPathMatcher("glob:…")}: the JDK's glob
 * needs at least one directory for {@code **}{@code /pom.xml} (it does not match a root {@code pom.xml}),
 * depends on the platform's file system and separator, and gives {@code **} inside a segment a meaning
 * ({@code a**b} crosses directories) that layer rules should not have.
 */
public final class Glob {
    private static final Map<String, Glob> COMPILED = new ConcurrentHashMap<>();

    private final String pattern;
    private final String[] segments;

    private Glob(String pattern) {
        if (pattern.isEmpty() || pattern.startsWith("/")) {
            throw new IllegalArgumentException("glob must be a non-empty relative pattern: '" + pattern + "'");
        }
        this.pattern = pattern;
        this.segments = pattern.split("/", -1);
    }

    /** The compiled glob; compiled once per pattern because rules are checked for every tar entry. */
    public static Glob of(String pattern) {
        return COMPILED.computeIfAbsent(pattern, Glob::new);
    }

    public String pattern() {
        return pattern;
    }

    public boolean matches(String path) {
        return matches(path.split("/", -1));
    }

    /** Matches an already split path, so one split serves every glob of a rule set. */
    boolean matches(String[] pathSegments) {
        // Classic wildcard matching with backtracking to the last '**', one level up: segments instead of characters.
        int p = 0;
        int s = 0;
        int starP = -1;
        int starS = 0;
        while (s < pathSegments.length) {
            if (p < segments.length && segments[p].equals("**")) {
                starP = p++;
                starS = s;
            } else if (p < segments.length && Wildcards.matches(segments[p], pathSegments[s])) {
                p++;
                s++;
            } else if (starP >= 0) {
                p = starP + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
        while (p < segments.length && segments[p].equals("**")) {
            p++;
        }
        return p == segments.length;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
