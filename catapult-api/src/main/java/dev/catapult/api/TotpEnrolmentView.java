package dev.catapult.api;

import org.jspecify.annotations.Nullable;

/** TOTP enrolment state; {@code secret} (base32) and {@code otpauthUri} only when an enrolment starts. */
public record TotpEnrolmentView(
        boolean enrolled, @Nullable String secret, @Nullable String otpauthUri) {}
