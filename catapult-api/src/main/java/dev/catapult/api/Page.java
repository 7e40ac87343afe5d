package dev.catapult.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a list; {@code nextCursor} is opaque and absent on the last page. */
public record Page<T>(List<T> items, @Nullable String nextCursor) {}
