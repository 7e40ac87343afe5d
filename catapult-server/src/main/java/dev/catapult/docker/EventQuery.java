package dev.catapult.docker;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which events {@code GET /events} sends: of {@code type}, of objects carrying label {@code label} (whatever
 * its value), with one of {@code actions}, from {@code sinceNanos} to {@code untilNanos} (Unix time in
 * nanoseconds; null: for as long as the engine keeps the stream open).
 */
public record EventQuery(
        String type,
        String label,
        List<String> actions,
        long sinceNanos,
        @Nullable Long untilNanos) {
    public EventQuery {
        actions = List.copyOf(actions);
    }

    /** Docker's {@code since}/{@code until} form: Unix seconds with nine decimals. */
    static String seconds(long nanos) {
        return String.format("%d.%09d", nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }
}
