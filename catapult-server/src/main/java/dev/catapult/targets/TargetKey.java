package dev.catapult.targets;

/** Which target: an app's id and an environment's id. */
public record TargetKey(long appId, long environmentId) {}
