package dev.catapult.environment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Changes an environment: unset ({@code null}) fields are left as they are. */
public record EnvironmentChanges(
        @Nullable Integer rank,
        @Nullable Boolean isProtected,
        @Nullable Integer requiredApprovals,
        @Nullable List<String> accounts) {}
