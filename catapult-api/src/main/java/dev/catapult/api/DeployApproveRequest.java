package dev.catapult.api;

import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/deploys/{id}/approve}. */
public record DeployApproveRequest(@Nullable String otp) {}
