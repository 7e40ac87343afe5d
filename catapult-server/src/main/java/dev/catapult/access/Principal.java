package dev.catapult.access;

import java.time.Instant;

/** A principal as the module shows it: never its password or TOTP secret. */
public record Principal(String id, String name, String kind, boolean totpEnrolled, Instant createdAt) {}
