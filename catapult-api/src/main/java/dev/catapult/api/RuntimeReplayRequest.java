package dev.catapult.api;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/runtime-sources/{name}/replay} (body optional): rebuild the source's state from its
 * event archive; with {@code deadLetters: true}, first try its dead letters again.
 */
public record RuntimeReplayRequest(@Nullable Boolean deadLetters) {}
