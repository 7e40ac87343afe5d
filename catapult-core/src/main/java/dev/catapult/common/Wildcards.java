package dev.catapult.common;

/**
 * Wildcard matching of one name: {@code *} matches any run of characters, {@code ?} exactly one, anything
 * else itself. Written by hand because the JDK's glob matcher is for file paths (where {@code *} stops at
 * separators) and this is a dozen lines; scope globs and the segments of file globs both use it.
 */
public final class Wildcards {
    private Wildcards() {}

    public static boolean matches(String glob, String text) {
        int g = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            char c = g < glob.length() ? glob.charAt(g) : 0;
            if (g < glob.length() && c == '*') {
                star = g++;
                mark = t;
            } else if (g < glob.length() && (c == '?' || c == text.charAt(t))) {
                g++;
                t++;
            } else if (star >= 0) {
                g = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }
}
