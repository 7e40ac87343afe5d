package dev.catapult.api;

import java.time.Instant;

/** A principal (never its password or TOTP secret). */
public record PrincipalView(String id, String name, String kind, boolean totpEnrolled, Instant createdAt) {}
