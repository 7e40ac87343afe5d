package dev.catapult.deploy;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.catapult.common.Conflict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StatusReportsTest {

    @ParameterizedTest(name = "{0} + report {1} ⇒ {2}")
    @CsvSource({
        "QUEUED, IN_PROGRESS, IN_PROGRESS",
        "QUEUED, SUCCEEDED, SUCCEEDED",
        "QUEUED, FAILED, FAILED",
        "IN_PROGRESS, IN_PROGRESS, IN_PROGRESS",
        "IN_PROGRESS, SUCCEEDED, SUCCEEDED",
        "IN_PROGRESS, FAILED, FAILED",
        "SUCCEEDED, SUCCEEDED, SUCCEEDED",
        "FAILED, FAILED, FAILED"
    })
    void reportMovesTheDeploy(DeployStatus current, DeployStatus reported, DeployStatus next) {
        assertThat(StatusReports.accept(current, reported)).isEqualTo(next);
    }

    @ParameterizedTest(name = "{0} + report {1} ⇒ 409")
    @CsvSource({
        "SUCCEEDED, FAILED",
        "SUCCEEDED, IN_PROGRESS",
        "FAILED, SUCCEEDED",
        "FAILED, IN_PROGRESS",
        "CANCELLED, SUCCEEDED",
        "CANCELLED, FAILED",
        "CANCELLED, IN_PROGRESS"
    })
    void differentReportAfterATerminalStateIsAConflict(DeployStatus current, DeployStatus reported) {
        assertThatExceptionOfType(Conflict.class)
                .isThrownBy(() -> StatusReports.accept(current, reported))
                .withMessage("deploy is already " + current.wireName());
    }

    @ParameterizedTest
    @EnumSource(
            value = DeployStatus.class,
            names = {"IN_PROGRESS", "SUCCEEDED", "FAILED"})
    void reportBeforeApprovalIsAConflict(DeployStatus reported) {
        assertThatExceptionOfType(Conflict.class)
                .isThrownBy(() -> StatusReports.accept(DeployStatus.PENDING_APPROVAL, reported))
                .withMessageContaining("pending approval");
    }

    @ParameterizedTest
    @EnumSource(
            value = DeployStatus.class,
            names = {"PENDING_APPROVAL", "QUEUED", "CANCELLED"})
    void reportMaySayOnlyProgressOrOutcome(DeployStatus reported) {
        assertThat(onlyErrorOf(() -> StatusReports.accept(DeployStatus.IN_PROGRESS, reported))
                        .field())
                .isEqualTo("status");
    }

    @ParameterizedTest(name = "{0} + report {1}: repeat={2}")
    @CsvSource({
        "SUCCEEDED, SUCCEEDED, true",
        "FAILED, FAILED, true",
        "SUCCEEDED, FAILED, false",
        "IN_PROGRESS, IN_PROGRESS, false",
        "QUEUED, SUCCEEDED, false"
    })
    void onlyTheSameTerminalStateAgainIsARepeat(DeployStatus current, DeployStatus reported, boolean repeat) {
        assertThat(StatusReports.isRepeat(current, reported)).isEqualTo(repeat);
    }

    @ParameterizedTest
    @EnumSource(
            value = DeployStatus.class,
            names = {"PENDING_APPROVAL", "QUEUED", "IN_PROGRESS"})
    void unfinishedDeployCanBeCancelled(DeployStatus current) {
        assertThat(StatusReports.cancel(current)).isEqualTo(DeployStatus.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(
            value = DeployStatus.class,
            names = {"SUCCEEDED", "FAILED", "CANCELLED"})
    void finishedDeployCannotBeCancelled(DeployStatus current) {
        assertThatExceptionOfType(Conflict.class)
                .isThrownBy(() -> StatusReports.cancel(current))
                .withMessage("deploy is already " + current.wireName());
    }
}
