package dev.catapult.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.catapult.common.Conflict;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of statuses: the guard lets through exactly the lifecycle of SPEC §1. */
class DeployTransitionTest {
    /** SPEC §1's lifecycle, plus in_progress → in_progress (progress reports repeat) and queued → failed. */
    private static final Set<String> LIFECYCLE = Set.of(
            "pending_approval → queued",
            "pending_approval → cancelled",
            "queued → in_progress",
            "queued → failed",
            "queued → cancelled",
            "in_progress → in_progress",
            "in_progress → succeeded",
            "in_progress → failed",
            "in_progress → cancelled");

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
        return Arrays.stream(DeployStatus.values())
                .flatMap(from -> Arrays.stream(DeployStatus.values())
                        .map(to -> arguments(from, to, LIFECYCLE.contains(from.wireName() + " → " + to.wireName()))));
    }
}
