package dev.catapult.environment;

import java.util.List;

/** What other modules need of an environment. */
public record EnvironmentRecord(
        long id, String name, int rank, boolean isProtected, int requiredApprovals, List<String> accounts) {}
