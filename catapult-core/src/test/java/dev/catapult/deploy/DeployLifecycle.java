package dev.catapult.deploy;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The deploy lifecycle as SPEC §1 draws it, written out once for the tests of the two types that must agree
 * with it ({@link DeployStatus#canMoveTo} and {@link DeployTransition}): plus in_progress → in_progress
 * (progress reports repeat) and queued → failed.
 */
final class DeployLifecycle {
    private static final Set<String> ALLOWED = Set.of(
            "pending_approval → queued",
            "pending_approval → cancelled",
            "queued → in_progress",
            "queued → failed",
            "queued → cancelled",
            "in_progress → in_progress",
            "in_progress → succeeded",
            "in_progress → failed",
            "in_progress → cancelled");

    private DeployLifecycle() {}

    /** Every pair of statuses (from, to) with whether the lifecycle allows the move. */
    static Stream<Arguments> everyPair() {
        return Arrays.stream(DeployStatus.values())
                .flatMap(from -> Arrays.stream(DeployStatus.values())
                        .map(to -> arguments(from, to, ALLOWED.contains(from.wireName() + " → " + to.wireName()))));
    }
}
