package dev.catapult.runtime;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Crash-loop ("unstable") detection. An instance that stops is a <em>failure</em> when the runtime says it
 * died on its own — its essential container exited, it failed to start, it ran out of memory, or (when the
 * runtime gives no stop code) its service container exited with a code other than 0 or the usual
 * stop-signal codes (130, 137, 143 for SIGINT/SIGKILL/SIGTERM, which orchestrated stops and rollouts
 * produce). An app is <em>unstable</em> in an environment when {@link #THRESHOLD} or more of its instances
 * failed within the last {@link #WINDOW}: a single crash is noise, three in ten minutes is a loop.
 */
public final class CrashLoop {
    public static final Duration WINDOW = Duration.ofMinutes(10);
    public static final int THRESHOLD = 3;

    /** ECS stop codes (and the same vocabulary from other sources) that mean the task died on its own. */
    private static final Set<String> FAILURE_CODES =
            Set.of("EssentialContainerExited", "TaskFailedToStart", "OutOfMemory");
    /** Stop codes that mean something stopped it on purpose: never a failure, whatever the exit code. */
    private static final Set<String> ORDERED_CODES =
            Set.of("UserInitiated", "ServiceSchedulerInitiated", "SpotInterruption", "TerminationNotice");

    private static final Set<Integer> STOP_SIGNALS = Set.of(130, 137, 143);

    private CrashLoop() {}

    /** Why a stop of this instance counts as a failure, or empty when it does not (or it has not stopped). */
    public static Optional<String> failure(Instance instance, @Nullable String stopCode) {
        if (instance.status().isPresent()) {
            return Optional.empty();
        }
        if (stopCode != null && FAILURE_CODES.contains(stopCode)) {
            return Optional.of(instance.stoppedReason() != null ? instance.stoppedReason() : stopCode);
        }
        if (stopCode != null && ORDERED_CODES.contains(stopCode)) {
            return Optional.empty();
        }
        Integer exit = instance.exitCode();
        if (exit != null && exit != 0 && !STOP_SIGNALS.contains(exit)) {
            return Optional.of("exited with code " + exit
                    + (instance.stoppedReason() != null ? ": " + instance.stoppedReason() : ""));
        }
        return Optional.empty();
    }

    /** Whether {@code recentFailures} failures within {@link #WINDOW} make an app unstable. */
    public static boolean unstable(int recentFailures) {
        return recentFailures >= THRESHOLD;
    }
}
