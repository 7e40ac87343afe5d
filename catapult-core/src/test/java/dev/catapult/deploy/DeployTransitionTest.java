package dev.catapult.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.catapult.common.Conflict;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of statuses: the guard lets through exactly the lifecycle of SPEC §1. */
class DeployTransitionTest {
    @ParameterizedTest(name = "{0} → {1}: allowed {2}")
    @MethodSource("allPairs")
    void guardsEveryPair(DeployStatus from, DeployStatus to, boolean allowed) {
        if (allowed) {
            DeployTransition move = new DeployTransition(from, to);
            assertThat(move.finishes()).isEqualTo(to.isTerminal());
        } else {
            assertThatExceptionOfType(Conflict.class)
                    .isThrownBy(() -> new DeployTransition(from, to))
                    .withMessage("a deploy that is " + from.wireName() + " cannot become " + to.wireName());
        }
    }

    static Stream<Arguments> allPairs() {
        return DeployLifecycle.everyPair();
    }
}
