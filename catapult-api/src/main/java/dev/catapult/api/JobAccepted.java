package dev.catapult.api;

/** A background job was accepted; follow it at {@code GET /api/v1/admin/jobs/{id}}. */
public record JobAccepted(String id, String kind, String status, String location) {}
