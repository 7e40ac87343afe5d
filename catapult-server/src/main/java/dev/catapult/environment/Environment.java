package dev.catapult.environment;

import java.time.Instant;
import java.util.List;

/** An environment as the module shows it: its promotion rank, protection and approval rule, and accounts. */
public record Environment(
        String name,
        int rank,
        boolean isProtected,
        int requiredApprovals,
        List<String> accounts,
        Instant createdAt,
        Instant updatedAt) {
    public Environment {
        accounts = List.copyOf(accounts);
    }
}
