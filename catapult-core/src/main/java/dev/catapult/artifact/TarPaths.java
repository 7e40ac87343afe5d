package dev.catapult.artifact;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Tar entry names are attacker-controlled: the only paths that go further are relative, stay under the
 * layer's root and are printable. Cleaning is lexical (like containerd's {@code filepath.Clean} before
 * joining), so {@code a/../b} is {@code b} whatever {@code a} is in a lower layer.
 */
public final class TarPaths {
    /** Linux's PATH_MAX; longer names only come from hand-made archives. */
    public static final int MAX_NAME_LENGTH = 4096;

    private TarPaths() {}

    public static NormalisedPath normalise(String entryName) {
        if (entryName.length() > MAX_NAME_LENGTH) {
            return new NormalisedPath.Refused("name longer than " + MAX_NAME_LENGTH + " characters");
        }
        for (int i = 0; i < entryName.length(); i++) {
            char c = entryName.charAt(i);
            if (c == 0) {
                return new NormalisedPath.Refused("name contains a NUL character");
            }
            if (Character.isISOControl(c)) {
                return new NormalisedPath.Refused("name contains control character U+%04X".formatted((int) c));
            }
            if (c == '\uFFFD') {
                return new NormalisedPath.Refused("name is not valid UTF-8");
            }
        }
        if (entryName.startsWith("/")) {
            return new NormalisedPath.Refused("absolute path");
        }
        Deque<String> segments = resolve(entryName);
        if (segments == null) {
            return new NormalisedPath.Refused("path escapes the layer root with '..'");
        }
        return new NormalisedPath.Safe(String.join("/", segments));
    }

    /**
     * Whether a symbolic link at {@code entryPath} (normalised) pointing at {@code target} resolves outside the
     * root. A relative target resolves from the link's directory. An absolute target resolves from the image's
     * root, as it does inside the container: {@code /etc/alternatives/java} is an ordinary link, not an escape.
     */
    public static boolean linkTargetEscapes(String entryPath, String target) {
        if (target.startsWith("/")) {
            return resolve(target.substring(1)) == null;
        }
        int slash = entryPath.lastIndexOf('/');
        String directory = slash < 0 ? "" : entryPath.substring(0, slash + 1);
        return resolve(directory + target) == null;
    }

    /** The cleaned segments of a relative path, or null when {@code ..} climbs above the root. */
    private static @Nullable Deque<String> resolve(String relative) {
        Deque<String> segments = new ArrayDeque<>();
        int from = 0;
        while (from <= relative.length()) {
            int to = relative.indexOf('/', from);
            if (to < 0) {
                to = relative.length();
            }
            String segment = relative.substring(from, to);
            from = to + 1;
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return segments;
    }
}
