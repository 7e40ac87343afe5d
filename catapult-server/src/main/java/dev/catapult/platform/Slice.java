package dev.catapult.platform;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a module's list: the items and the opaque cursor of the next page ({@code null} on the last).
 * The web layer turns it into the wire's {@code Page}.
 */
public record Slice<T>(List<T> items, @Nullable String nextCursor) {
    public Slice {
        items = List.copyOf(items);
    }

    /** The whole list as one page. */
    public static <T> Slice<T> all(List<T> items) {
        return new Slice<>(items, null);
    }

    /** The same page with every item mapped. */
    public <R> Slice<R> map(Function<? super T, ? extends R> mapper) {
        return new Slice<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
