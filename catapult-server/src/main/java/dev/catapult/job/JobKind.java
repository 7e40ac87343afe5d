package dev.catapult.job;

/**
 * A kind of job: the name stored in {@code jobs.kind} and the record its payload is stored as. The payload is
 * the record's JSON (component names as keys), so a record's components are the job's stored contract:
 * queued rows written by an older server must still read into it.
 */
public record JobKind<P extends Record>(String name, Class<P> payloadType) {}
