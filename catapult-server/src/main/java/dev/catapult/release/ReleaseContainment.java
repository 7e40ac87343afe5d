package dev.catapult.release;

/** Whether release {@code version} of {@code app} contains {@code commit}, as far as the ledger can tell. */
public record ReleaseContainment(String app, long version, String commit, Containment contains) {}
