package dev.catapult.artifact;

import java.util.Map;

/** The {@code scan-artifact} job's kind, payload and dedupe key (one queued scan per artifact). */
final class ScanJobs {
    static final String KIND = "scan-artifact";

    private ScanJobs() {}

    static Map<String, Object> payload(String registry, String repository, String digest) {
        return Map.of("registry", registry, "repository", repository, "digest", digest);
    }

    static String dedupeKey(String registry, String repository, String digest) {
        return KIND + ":" + registry + ":" + repository + "@" + digest;
    }
}
