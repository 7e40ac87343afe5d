package dev.catapult.runtime.docker;

import dev.catapult.runtime.InstanceStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a Docker container event means for the instance (docs/runtime.md has the table):
 *
 * <ul>
 *   <li>{@code create} → pending; {@code start}, {@code restart}, {@code unpause} → running; {@code pause} →
 *       running, noted "paused"; {@code health_status: …} → running, noted "unhealthy" while it is.
 *   <li>{@code kill} with a signal that ends a process (INT, QUIT, KILL, TERM — what {@code docker stop},
 *       {@code rm -f} and {@code restart} send) → stopping, asked to stop. Other signals (HUP…) change nothing.
 *   <li>{@code die} → stopped with the exit code. Why it stopped is the envelope's {@code stopCode}, which the
 *       watcher sets from the {@code kill} or {@code oom} event it saw before: {@link #USER_INITIATED} is never
 *       a crash, {@link #OUT_OF_MEMORY} always is, and without one crash-loop detection judges the exit code.
 *   <li>{@code destroy} → stopped ("removed"). {@code stop} (which Docker sends after {@code die}), {@code oom}
 *       (the watcher carries it to the {@code die}) and every other action change nothing.
 * </ul>
 *
 * A state the watcher reconstructed on reconnect ({@code reconciled}) carries its exit code only in the
 * reason, never as an exit: the real {@code die} event, when the engine still has it, is what counts as a
 * failure, once.
 */
final class DockerActions {
    static final String USER_INITIATED = "UserInitiated";
    static final String OUT_OF_MEMORY = "OutOfMemory";
    /** The actions the watcher asks the engine for: the ones that change an instance, and {@code oom}. */
    static final List<String> FOLLOWED =
            List.of("create", "start", "restart", "pause", "unpause", "health_status", "kill", "oom", "die", "destroy");

    private static final Set<String> ENDING_SIGNALS = Set.of("2", "3", "9", "15", "INT", "QUIT", "KILL", "TERM");
    /** Lifecycle order of the actions that change an instance (0–7): orders events of one container within a microsecond. */
    private static final Map<String, Integer> RANK = Map.of(
            "create",
            0,
            "start",
            1,
            "restart",
            2,
            "pause",
            3,
            "unpause",
            3,
            "health_status",
            4,
            "kill",
            5,
            "die",
            6,
            "destroy",
            7);

    private DockerActions() {}

    /** How one event changes the instance. */
    record Change(
            InstanceStatus status,
            @Nullable String desiredStatus,
            @Nullable String reason,
            @Nullable String stopCode,
            @Nullable Integer exitCode,
            boolean started) {}

    /** {@code health_status: healthy} → {@code health_status}; {@code exec_start: sh -c …} → {@code exec_start}. */
    static String verb(String action) {
        int colon = action.indexOf(':');
        return (colon < 0 ? action : action.substring(0, colon)).trim();
    }

    /** Whether a {@code kill} with {@code signal} (a number or a name; absent when the engine does not say) ends the container. */
    static boolean endsContainer(@Nullable String signal) {
        if (signal == null) {
            return true;
        }
        String s = signal.trim().toUpperCase(Locale.ROOT);
        return ENDING_SIGNALS.contains(s.startsWith("SIG") ? s.substring(3) : s);
    }

    static Optional<Change> change(
            String action,
            @Nullable String signal,
            @Nullable Integer exitCode,
            @Nullable String stopCode,
            boolean reconciled) {
        return Optional.ofNullable(
                switch (verb(action)) {
                    case "create" -> new Change(InstanceStatus.PENDING, "RUNNING", null, null, null, false);
                    case "start", "restart" -> new Change(InstanceStatus.RUNNING, "RUNNING", null, null, null, true);
                    case "unpause" -> new Change(InstanceStatus.RUNNING, "RUNNING", null, null, null, false);
                    case "pause" -> new Change(InstanceStatus.RUNNING, "RUNNING", "paused", null, null, false);
                    case "health_status" ->
                        new Change(
                                InstanceStatus.RUNNING,
                                "RUNNING",
                                health(action).equals("unhealthy")
                                        ? "unhealthy: the container's health check fails"
                                        : null,
                                null,
                                null,
                                false);
                    case "kill" ->
                        endsContainer(signal)
                                ? new Change(
                                        InstanceStatus.STOPPING,
                                        "STOPPED",
                                        "stop requested" + (signal == null ? "" : " (signal " + signal + ")"),
                                        USER_INITIATED,
                                        null,
                                        false)
                                : null;
                    case "die" -> die(exitCode, stopCode, reconciled);
                    case "destroy" ->
                        new Change(InstanceStatus.STOPPED, "STOPPED", "removed", USER_INITIATED, null, false);
                    default -> null;
                });
    }

    private static Change die(@Nullable Integer exitCode, @Nullable String stopCode, boolean reconciled) {
        String code = exitCode == null ? "" : " (exit code " + exitCode + ")";
        @Nullable
        String reason = USER_INITIATED.equals(stopCode)
                ? "stopped on request" + code
                : OUT_OF_MEMORY.equals(stopCode)
                        ? "killed: out of memory" + code
                        : exitCode == null ? "exited" : null; // crash-loop detection says "exited with code N" itself
        if (reconciled) {
            String found = (reason != null ? reason : "exited with code " + exitCode) + " (state found on reconnect)";
            return new Change(
                    InstanceStatus.STOPPED,
                    null,
                    found,
                    USER_INITIATED.equals(stopCode) ? stopCode : null,
                    null,
                    false);
        }
        return new Change(
                InstanceStatus.STOPPED,
                USER_INITIATED.equals(stopCode) ? "STOPPED" : null,
                reason,
                stopCode,
                exitCode,
                false);
    }

    private static String health(String action) {
        int colon = action.indexOf(':');
        return colon < 0 ? "" : action.substring(colon + 1).trim();
    }

    /**
     * Orders one container's events: the engine's {@code timeNano} to the microsecond, then the action's place
     * in the lifecycle, then real over reconstructed — {@code (µs × 16) + rank × 2 + (real ? 1 : 0)}, which
     * fits a {@code long} for the next 18,000 years. Docker stamps each event when it emits it, after the state
     * change it reports, so a state reconstructed from {@code StartedAt}/{@code FinishedAt} is always older
     * than the event that reported the same change.
     */
    static long version(long timeNano, String action, boolean reconciled) {
        int rank = RANK.getOrDefault(verb(action), 0);
        return (timeNano / 1_000) * 16 + rank * 2L + (reconciled ? 0 : 1);
    }
}
