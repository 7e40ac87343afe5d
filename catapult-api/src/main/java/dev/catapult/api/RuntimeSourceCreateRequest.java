package dev.catapult.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/runtime-sources}. {@code type}: {@code ecs-sqs} (EventBridge ECS events delivered
 * through an SQS queue; needs {@code queueUrl}), {@code webhook} (signed POSTs to
 * {@code /hooks/runtime/{name}}; needs {@code secretEnv}, the server variable holding the HMAC secret) or
 * {@code docker} (events of the Docker hosts the {@code docker} deployer manages, or of {@code endpoint}). Credentials are named, never given:
 * {@code accessKeyEnv}/{@code secretKeyEnv} name variables of the server. {@code endpoint} overrides the
 * SQS endpoint (e.g. an SQS-compatible server). {@code ignoreContainers} replaces the default sidecar list.
 */
public record RuntimeSourceCreateRequest(
        String name,
        String type,
        @Nullable String queueUrl,
        @Nullable String region,
        @Nullable String endpoint,
        @Nullable String accessKeyEnv,
        @Nullable String secretKeyEnv,
        @Nullable String secretEnv,
        @Nullable List<String> ignoreContainers) {}
