package dev.catapult.job;

import java.util.Map;

/** Lets a running job publish its progress (visible at {@code GET /api/v1/admin/jobs/{id}}). */
@FunctionalInterface
public interface JobProgress {
    /** Replaces the job's progress document; also extends the job's lease. */
    void report(Map<String, Object> progress);
}
