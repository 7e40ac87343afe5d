package dev.catapult.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** An environment as the API shows it. */
public record EnvironmentView(
        String name,
        int rank,
        @JsonProperty("protected") boolean isProtected,
        int requiredApprovals,
        List<String> accounts,
        Instant createdAt,
        Instant updatedAt) {}
