package dev.catapult.runtime;

/**
 * The {@code runtime-replay} job's payload: replay the event archive of runtime source {@code source}, first
 * retrying its dead letters when {@code deadLetters}.
 */
public record ReplayRuntimeEvents(String source, boolean deadLetters) {}
