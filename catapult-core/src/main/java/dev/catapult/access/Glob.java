package dev.catapult.access;

/**
 * Scope globs: {@code *} matches any run of characters, {@code ?} exactly one. Written by hand because the
 * JDK's glob matcher is for file paths (where {@code *} stops at separators) and this is a dozen lines.
 */
final class Glob {
    private Glob() {}

    static boolean matches(String glob, String text) {
        int g = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == text.charAt(t))) {
                g++;
                t++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                mark = t;
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
