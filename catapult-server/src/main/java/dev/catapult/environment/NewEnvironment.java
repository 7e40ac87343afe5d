package dev.catapult.environment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Creates an environment; unset fields take their defaults, every field is validated by {@link Environments}. */
public record NewEnvironment(
        String name,
        @Nullable Integer rank,
        @Nullable Boolean isProtected,
        @Nullable Integer requiredApprovals,
        @Nullable List<String> accounts) {}
