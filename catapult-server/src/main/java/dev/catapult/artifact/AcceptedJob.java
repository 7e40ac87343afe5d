package dev.catapult.artifact;

/** A background job an admin command queued: follow it by {@code id} on the job queue. */
public record AcceptedJob(String id, String kind, String status) {}
