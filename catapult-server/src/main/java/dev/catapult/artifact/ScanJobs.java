package dev.catapult.artifact;

import dev.catapult.job.JobKind;

/** The {@code scan-artifact} job's kind, payload and dedupe key (one queued scan per artifact). */
final class ScanJobs {
    static final String KIND = "scan-artifact";
    static final JobKind<ScanArtifact> JOB = new JobKind<>(KIND, ScanArtifact.class);

    private ScanJobs() {}

    static ScanArtifact payload(String registry, String repository, String digest) {
        return new ScanArtifact(registry, repository, digest);
    }

    static String dedupeKey(String registry, String repository, String digest) {
        return KIND + ":" + registry + ":" + repository + "@" + digest;
    }
}
