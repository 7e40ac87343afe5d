package dev.catapult.job;

/** A claimed job as a handler sees it: its id, kind, typed payload and which attempt this is (from 1). */
public record Job<P extends Record>(String id, String kind, P payload, int attempt) {}
