package dev.catapult.deploy;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeployReasonTest {

    @ParameterizedTest
    @EnumSource(value = DeployReason.class, names = "AUTO", mode = EnumSource.Mode.EXCLUDE)
    void clientsMayGiveEveryReasonButAuto(DeployReason reason) {
        assertThat(DeployReason.fromClient(reason.wireName())).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "MANUAL", "", "hotfix"})
    void clientClaimingAutoOrAnUnknownReasonIsRefused(String text) {
        assertThat(onlyErrorOf(() -> DeployReason.fromClient(text)).field()).isEqualTo("reason");
    }

    @ParameterizedTest
    @EnumSource(DeployReason.class)
    void storedReasonsRoundTrip(DeployReason reason) {
        assertThat(DeployReason.fromWire(reason.wireName())).isEqualTo(reason);
    }
}
