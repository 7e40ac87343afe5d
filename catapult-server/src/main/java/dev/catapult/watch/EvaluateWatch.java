package dev.catapult.watch;

/**
 * The {@code evaluate-watch} job's payload: evaluate the watch of one target, and why ({@code trigger}: scan,
 * a tag move's source, watch, target, hold-released, sweep…).
 */
public record EvaluateWatch(long appId, long environmentId, String trigger) {}
