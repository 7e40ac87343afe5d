package dev.catapult.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /api/v1/apps/{app}/targets/{env}}: {@code deployer} is {@code {type, ...settings}} (SPEC §7),
 * {@code watch} the optional watch policy (SPEC §6).
 */
public record TargetPutRequest(
        Map<String, Object> deployer, @Nullable Map<String, Object> watch) {}
