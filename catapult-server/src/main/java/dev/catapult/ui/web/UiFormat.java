package dev.catapult.ui.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Small formatting helpers for templates (as {@code fmt}): sizes, short digests, UTC times, safe links. */
final class UiFormat {
    static final UiFormat INSTANCE = new UiFormat();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Pattern DIGEST_IN_REF = Pattern.compile("@(sha256:[0-9a-f]{64})$");

    private UiFormat() {}

    /** {@code 1.5 MiB}; a dash when unknown. */
    public String bytes(@Nullable Long n) {
        if (n == null) {
            return "—";
        }
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** The first 12 hex digits of a digest, as registries and docker print them. */
    public String shortDigest(@Nullable String digest) {
        if (digest == null) {
            return "—";
        }
        String hex = digest.startsWith("sha256:") ? digest.substring(7) : digest;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    /** {@code 2026-01-31 14:05:09} in UTC; a dash when unknown. */
    public String time(@Nullable Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    /** The digest an image reference pins ({@code repo@sha256:…}), or null for a tag reference. */
    public @Nullable String digestOf(@Nullable String imageRef) {
        if (imageRef == null) {
            return null;
        }
        Matcher m = DIGEST_IN_REF.matcher(imageRef);
        return m.find() ? m.group(1) : null;
    }

    /** The URL when it is http(s); image labels are untrusted and must never become {@code javascript:} links. */
    public @Nullable String webUrl(@Nullable String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    /** The last part of an ARN or path ({@code arn:…:task/cluster/abc} → {@code abc}). */
    public String lastSegment(@Nullable String s) {
        if (s == null) {
            return "—";
        }
        int slash = s.lastIndexOf('/');
        return slash < 0 || slash == s.length() - 1 ? s : s.substring(slash + 1);
    }
}
