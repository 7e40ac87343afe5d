package dev.catapult.api;

import org.jspecify.annotations.Nullable;

/** {@code GET /api/v1/audit/verify}: {@code firstBadSeq} names the first altered or missing event. */
public record AuditVerifyView(
        boolean ok,
        long checked,
        @Nullable Long firstBadSeq,
        @Nullable String reason) {}
