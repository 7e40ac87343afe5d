package dev.catapult.platform.web;

import dev.catapult.api.Page;
import dev.catapult.platform.Slice;
import java.util.function.Function;

/** Maps a module's {@link Slice} to the wire's {@link Page}. */
public final class Pages {
    private Pages() {}

    public static <T, R> Page<R> wire(Slice<T> slice, Function<? super T, ? extends R> mapper) {
        return new Page<>(slice.items().stream().<R>map(mapper).toList(), slice.nextCursor());
    }
}
