package dev.catapult.targets;

/** A target's watch, hold or deployer changed: its automation must be evaluated again. */
public record WatchChanged(long appId, long environmentId, String change) {}
