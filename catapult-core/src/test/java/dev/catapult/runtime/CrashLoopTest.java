package dev.catapult.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.app.ImageRepository;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrashLoopTest {
    private static Instance instance(String status, Integer exitCode, String reason) {
        return new Instance(
                "t1",
                "api",
                "api",
                new RunningImage(new ImageRepository("ghcr.io/acme/api"), "1.0.0", null),
                InstanceStatus.parse("status", status),
                "STOPPED",
                reason,
                exitCode,
                3,
                null,
                Instant.EPOCH);
    }

    @ParameterizedTest(name = "{0} code={1} exit={2} → failure={3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "STOPPED, EssentialContainerExited, 1, true",
                "STOPPED, EssentialContainerExited, 0, true", // a service's essential container must not exit at all
                "STOPPED, TaskFailedToStart, null, true",
                "STOPPED, OutOfMemory, 137, true",
                "STOPPED, ServiceSchedulerInitiated, 143, false", // a rollout replacing the task
                "STOPPED, UserInitiated, 1, false", // stopped on purpose; its exit code says nothing
                "STOPPED, SpotInterruption, null, false",
                "STOPPED, null, 1, true", // no stop code: the exit code decides
                "STOPPED, null, 2, true",
                "STOPPED, null, 0, false",
                "STOPPED, null, 143, false",
                "STOPPED, null, 137, false",
                "STOPPED, null, 130, false",
                "STOPPED, null, null, false",
                "RUNNING, EssentialContainerExited, 1, false", // not stopped (yet)
                "STOPPING, null, 1, false"
            })
    void failures(String status, String stopCode, Integer exit, boolean failure) {
        assertThat(CrashLoop.failure(instance(status, exit, "Essential container in task exited"), stopCode)
                        .isPresent())
                .isEqualTo(failure);
        assertThat(CrashLoop.failure(instance(status, exit, null), stopCode).isPresent())
                .isEqualTo(failure);
    }

    @Test
    void unstableFromTheThresholdOn() {
        assertThat(CrashLoop.unstable(0)).isFalse();
        assertThat(CrashLoop.unstable(CrashLoop.THRESHOLD - 1)).isFalse();
        assertThat(CrashLoop.unstable(CrashLoop.THRESHOLD)).isTrue();
        assertThat(CrashLoop.unstable(50)).isTrue();
    }

    @Test
    void theReasonNamesTheExit() {
        assertThat(CrashLoop.failure(instance("STOPPED", 3, null), null)).hasValue("exited with code 3");
        assertThat(CrashLoop.failure(instance("STOPPED", 3, "boom"), null)).hasValue("exited with code 3: boom");
        assertThat(CrashLoop.failure(instance("STOPPED", null, "CannotPullContainerError"), "TaskFailedToStart"))
                .hasValue("CannotPullContainerError");
    }
}
