package dev.catapult.registry.oci;

import dev.catapult.registry.RequestCounts;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every HTTP request sent, counted under the kind of call it serves: auth-challenge rounds, back-off retries
 * and redirects each count, because each is a request the registry sees (and may bill or rate-limit).
 */
final class RequestCounters {
    private final Map<RequestKind, LongAdder> counts = new EnumMap<>(RequestKind.class);

    RequestCounters() {
        for (RequestKind kind : RequestKind.values()) {
            counts.put(kind, new LongAdder());
        }
    }

    void add(RequestKind kind) {
        Objects.requireNonNull(counts.get(kind)).increment(); // the constructor put every kind
    }

    RequestCounts snapshot() {
        return new RequestCounts(
                get(RequestKind.HEAD_MANIFEST),
                get(RequestKind.GET_MANIFEST),
                get(RequestKind.TAG_LIST),
                get(RequestKind.CATALOG),
                get(RequestKind.BLOB),
                get(RequestKind.TOKEN));
    }

    private long get(RequestKind kind) {
        return Objects.requireNonNull(counts.get(kind)).sum();
    }
}
