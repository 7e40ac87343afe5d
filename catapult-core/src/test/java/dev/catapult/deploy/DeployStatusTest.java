package dev.catapult.deploy;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeployStatusTest {
    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource
    void lifecycleAllowsOnlyItsTransitions(DeployStatus from, DeployStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    static Stream<Arguments> lifecycleAllowsOnlyItsTransitions() {
        return DeployLifecycle.everyPair();
    }

    @ParameterizedTest
    @EnumSource(
            value = DeployStatus.class,
            names = {"SUCCEEDED", "FAILED", "CANCELLED"})
    void terminalStatusesLeadNowhere(DeployStatus status) {
        assertThat(status.isTerminal()).isTrue();
        assertThat(DeployStatus.values()).noneMatch(status::canMoveTo);
    }

    @ParameterizedTest
    @EnumSource(
            value = DeployStatus.class,
            names = {"PENDING_APPROVAL", "QUEUED", "IN_PROGRESS"})
    void unfinishedStatusesAreNotTerminal(DeployStatus status) {
        assertThat(status.isTerminal()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "PENDING_APPROVAL, pending_approval",
        "QUEUED, queued",
        "IN_PROGRESS, in_progress",
        "SUCCEEDED, succeeded",
        "FAILED, failed",
        "CANCELLED, cancelled"
    })
    void wireNameRoundTrips(DeployStatus status, String wire) {
        assertThat(status.wireName()).isEqualTo(wire);
        assertThat(DeployStatus.fromWire("status", wire)).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "QUEUED", "in-progress", "done", "pending"})
    void unknownWireNameIsRefusedNamingTheField(String text) {
        assertThat(onlyErrorOf(() -> DeployStatus.fromWire("status", text)).field())
                .isEqualTo("status");
    }
}
