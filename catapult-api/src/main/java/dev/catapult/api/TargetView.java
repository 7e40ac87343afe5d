package dev.catapult.api;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A target: the deployer (type and settings) and watch of one app in one environment. */
public record TargetView(
        String app,
        String environment,
        Map<String, Object> deployer,
        @Nullable Map<String, Object> watch,
        Instant updatedAt) {}
