package dev.catapult.compat.cdp;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cdp-portal-backend's notion of a version tag: {@code x.y.z} with an optional {@code v}, nothing else
 * (pre-releases are not deployable there). Its packed form puts major, minor and patch in 16-bit fields so
 * that clients sorting on {@code semVer} keep working. Parts are capped at 9 digits to stay within a long.
 */
final class SemVerTags {
    private static final Pattern SEMVER = Pattern.compile("^v?(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})$");
    static final Comparator<String> NEWEST_FIRST = Comparator.comparing(
                    (String tag) -> packed(tag).orElse(-1L))
            .reversed()
            .thenComparing(Comparator.naturalOrder());

    private SemVerTags() {}

    static boolean isSemVer(String tag) {
        return SEMVER.matcher(tag).matches();
    }

    static Optional<Long> packed(String tag) {
        Matcher m = SEMVER.matcher(tag);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(
                Long.parseLong(m.group(3)) | Long.parseLong(m.group(2)) << 16 | Long.parseLong(m.group(1)) << 32);
    }
}
