package dev.catapult.cli.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Walks a paginated list ({@code Page {items, nextCursor}}) lazily, one request per page, so callers that
 * stop early (the newest N, everything newer than X) never fetch pages they do not need.
 */
public final class Pages implements Iterable<JsonNode> {

    private static final int PAGE_SIZE = 100;

    private final ApiClient api;
    private final ApiPath path;
    private final int pageSize;

    private Pages(ApiClient api, ApiPath path, int pageSize) {
        this.api = api;
        this.path = path;
        this.pageSize = pageSize;
    }

    public static Pages of(ApiClient api, ApiPath path) {
        return new Pages(api, path, PAGE_SIZE);
    }

    /** When only the first {@code wanted} items matter, ask for no more than that per page. */
    public static Pages first(ApiClient api, ApiPath path, int wanted) {
        return new Pages(api, path, Math.max(1, Math.min(wanted, 500)));
    }

    @Override
    public Iterator<JsonNode> iterator() {
        return new Iterator<>() {
            private final Deque<JsonNode> buffered = new ArrayDeque<>();
            private @Nullable String cursor;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                while (buffered.isEmpty() && !exhausted) {
                    fetch();
                }
                return !buffered.isEmpty();
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffered.removeFirst();
            }

            private void fetch() {
                JsonNode page = api.get(path.query("limit", pageSize).query("cursor", cursor));
                if (page.isArray()) {
                    // Tolerate an unpaginated list: it is simply one last page.
                    page.forEach(buffered::addLast);
                    exhausted = true;
                    return;
                }
                page.path("items").forEach(buffered::addLast);
                JsonNode next = page.path("nextCursor");
                cursor = next.isString() && !next.asString().isEmpty() ? next.asString() : null;
                exhausted = cursor == null;
            }
        };
    }
}
