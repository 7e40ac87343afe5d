package dev.catapult.artifact;

/** The {@code scan-artifact} job's payload: scan the artifact {@code repository@digest} of a registry. */
public record ScanArtifact(String registry, String repository, String digest) {}
