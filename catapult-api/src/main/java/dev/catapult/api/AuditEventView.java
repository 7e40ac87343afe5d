package dev.catapult.api;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One hash-chained audit event. */
public record AuditEventView(
        long seq,
        Instant at,
        String actor,
        String action,
        String subject,
        Map<String, Object> details,
        @Nullable String requestId,
        String prevHash,
        String hash) {}
