package dev.catapult.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/environments}. */
public record EnvironmentCreateRequest(
        String name,
        Integer rank,
        @JsonProperty("protected") @Nullable Boolean isProtected,
        @Nullable Integer requiredApprovals,
        @Nullable List<String> accounts) {}
