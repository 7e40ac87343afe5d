package dev.catapult.api;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/principals/{id}/totp}: without {@code code} it starts an enrolment and returns a
 * new secret; with the {@code code} the authenticator shows, it confirms the enrolment.
 */
public record TotpEnrolRequest(@Nullable String code) {}
