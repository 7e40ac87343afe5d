package dev.catapult.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Roll back" goes to the version that ran here most recently before the current one, and is older. */
class RollbackTargetTest {
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

    /**
     * {@code history}: the environment's successful deploys in the order they succeeded, as versions; the last
     * one is what runs. The answer is the version to go back to, or {@code none}.
     */
    @ParameterizedTest(name = "succeeded {0} ⇒ {1}")
    @CsvSource(delimiter = '|', textBlock = """
      # history            | target
      1 2 3                | 2
      1 3                  | 1
      2 1 3                | 1
      3 1 2 3              | 2
      1 2 3 3 3            | 2
      1 5 3                | 1
      1 7 5                | 1
      4 2 7 5              | 2
      2 4 7 5              | 4
      3                    | none
      1 1 1                | none
      5 7 3                | none
      """)
    void goesToTheMostRecentOlderVersionThatRanHere(String history, String target) {
        List<SucceededDeploy> deploys = deploys(history);
        RollbackTarget answer = RollbackTarget.of("shop", "prod", deploys.getLast(), deploys);
        assertThat(answer instanceof RollbackTarget.To to ? String.valueOf(to.version()) : "none")
                .isEqualTo(target);
    }

    @Test
    void theAnswerDoesNotDependOnTheOrderTheDeploysAreGivenIn() {
        List<SucceededDeploy> deploys = deploys("1 4 2 6 3 8");
        List<SucceededDeploy> shuffled = new ArrayList<>(deploys);
        Collections.reverse(shuffled);
        assertThat(RollbackTarget.of("shop", "prod", deploys.getLast(), shuffled))
                .isEqualTo(RollbackTarget.of("shop", "prod", deploys.getLast(), deploys))
                .isEqualTo(new RollbackTarget.To(8, 3, "d04", T0.plusSeconds(4)));
    }

    @Test
    void deploysSucceedingAtTheSameInstantAreOrderedByTheirSortableIds() {
        SucceededDeploy first = new SucceededDeploy("d01", 1, T0);
        SucceededDeploy second = new SucceededDeploy("d02", 2, T0);
        SucceededDeploy current = new SucceededDeploy("d03", 3, T0.plusSeconds(1));
        assertThat(RollbackTarget.of("shop", "prod", current, List.of(second, first, current)))
                .isEqualTo(new RollbackTarget.To(3, 2, "d02", T0));
    }

    @Test
    void theTargetNamesTheDeployThatLastRanItHere() {
        List<SucceededDeploy> deploys = deploys("2 3 2 3");
        assertThat(RollbackTarget.of("shop", "prod", deploys.getLast(), deploys))
                .isEqualTo(new RollbackTarget.To(3, 2, "d02", T0.plusSeconds(2)));
    }

    @Test
    void withNothingRunningThereIsNoTargetAndItSaysSo() {
        assertThat(RollbackTarget.of("shop", "prod", null, List.of()))
                .isEqualTo(new RollbackTarget.None("app 'shop' has no successful deploy in 'prod'"));
    }

    @Test
    void withNothingOlderThereIsNoTargetAndItSaysSo() {
        List<SucceededDeploy> deploys = deploys("4 3");
        assertThat(RollbackTarget.of("shop", "prod", deploys.getLast(), deploys))
                .isEqualTo(
                        new RollbackTarget.None(
                                "no version older than the running v3 of app 'shop' has run in 'prod': nothing to roll back to"));
    }

    @Test
    void aTargetIsAlwaysOlderThanWhatRuns() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RollbackTarget.To(3, 3, "d01", T0));
    }

    /** Deploys {@code d00, d01, …} of the given versions, each succeeding a second after the previous one. */
    private static List<SucceededDeploy> deploys(String versions) {
        String[] parts = versions.trim().split("\\s+");
        List<SucceededDeploy> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            out.add(new SucceededDeploy(String.format("d%02d", i), Long.parseLong(parts[i]), T0.plusSeconds(i)));
        }
        return out;
    }
}
