package dev.catapult.job;

/**
 * Runs one kind of job, whose payload the worker reads into the record {@code P} its {@link JobKind} names
 * (a payload that does not fit fails the attempt). Handlers MUST be idempotent (a job whose worker died is
 * run again), SHOULD report progress for long work, and MUST let {@link InterruptedException} through when
 * interrupted. Throwing anything else fails the attempt: the job is retried with back-off until it has no
 * attempts left.
 */
public interface JobHandler<P extends Record> {
    JobKind<P> kind();

    void run(Job<P> job, JobProgress progress) throws Exception;
}
