package dev.catapult.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code PATCH /api/v1/environments/{env}}: absent fields are left as they are. */
public record EnvironmentPatchRequest(
        @Nullable Integer rank,
        @JsonProperty("protected") @Nullable Boolean isProtected,
        @Nullable Integer requiredApprovals,
        @Nullable List<String> accounts) {}
