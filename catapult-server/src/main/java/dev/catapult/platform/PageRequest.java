package dev.catapult.platform;

import dev.catapult.common.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code limit} (default 50, at most 500) and an opaque {@code cursor}. Cursors are the base64url of the
 * last key seen, so clients cannot build them by hand by accident, and keyset paging stays stable under
 * concurrent inserts.
 */
public record PageRequest(int limit, @Nullable String after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(@Nullable Integer limit, @Nullable String cursor) {
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(n, cursor == null || cursor.isBlank() ? null : decode(cursor));
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c1:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (s.startsWith("c1:")) {
                return s.substring(3);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the error below
        }
        throw new InvalidInput("cursor", "is not a cursor this server issued");
    }

    /**
     * The page from {@code fetched}, which holds up to {@code limit + 1} items in list order: the extra item
     * only says that another page exists, whose cursor is the key of the last item kept.
     */
    public <T> Slice<T> page(List<T> fetched, Function<T, Object> key) {
        if (fetched.size() <= limit) {
            return new Slice<>(fetched, null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Slice<>(items, encode(String.valueOf(key.apply(items.getLast()))));
    }

    /** The cursor key as a number (for lists keyed by a sequence). */
    public long afterAsLong() {
        try {
            return after == null ? Long.MAX_VALUE : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new InvalidInput("cursor", "is not a cursor for this list");
        }
    }
}
