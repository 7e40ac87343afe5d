package dev.catapult.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.catapult.common.Conflict;
import dev.catapult.release.CommitSha;
import dev.catapult.release.Containment;
import dev.catapult.release.ReleaseCommits;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeployPlanTest {

    @ParameterizedTest(name = "running {0} → v{1}, contains={2}, rollback flag={3}, reason={4} ⇒ rollback={5}, {6}")
    @CsvSource(nullValues = "none", textBlock = """
      # running, target, containment, flag,  requested, rollback, reason
        none,    1,      UNKNOWN,     false, none,      false,    MANUAL
        none,    1,      UNKNOWN,     true,  none,      false,    MANUAL
        none,    5,      FALSE,       false, none,      false,    MANUAL
        3,       3,      TRUE,        false, none,      false,    REDEPLOY
        3,       3,      UNKNOWN,     false, none,      false,    REDEPLOY
        3,       3,      FALSE,       false, none,      false,    REDEPLOY
        3,       3,      TRUE,        true,  none,      false,    REDEPLOY
        3,       4,      TRUE,        false, none,      false,    MANUAL
        3,       4,      UNKNOWN,     false, none,      false,    MANUAL
        3,       4,      TRUE,        true,  none,      false,    MANUAL
        3,       4,      FALSE,       true,  none,      true,     ROLLBACK
        3,       2,      TRUE,        true,  none,      true,     ROLLBACK
        3,       2,      UNKNOWN,     true,  none,      true,     ROLLBACK
        3,       2,      FALSE,       true,  none,      true,     ROLLBACK
        3,       2,      FALSE,       true,  ROLLBACK,  true,     ROLLBACK
        3,       4,      TRUE,        false, PROMOTION, false,    PROMOTION
        3,       3,      TRUE,        false, MANUAL,    false,    MANUAL
        none,    1,      UNKNOWN,     false, REDEPLOY,  false,    REDEPLOY
      """)
    void decidesRollbackAndReason(
            Long running,
            long target,
            Containment containment,
            boolean flag,
            DeployReason requested,
            boolean rollback,
            DeployReason reason) {
        assertThat(DeployPlan.decide(running, target, containment, flag, requested))
                .isEqualTo(new DeployPlan(rollback, reason));
    }

    @ParameterizedTest(name = "running {0} → v{1}, contains={2}, reason={3} ⇒ 409")
    @CsvSource(nullValues = "none", textBlock = """
      # running, target, containment, requested
        3,       2,      TRUE,        none
        3,       2,      UNKNOWN,     none
        3,       2,      FALSE,       none
        3,       4,      FALSE,       none
        3,       2,      FALSE,       ROLLBACK
        3,       4,      FALSE,       MANUAL
      """)
    void rollbackWithoutTheRollbackFlagIsAConflict(
            Long running, long target, Containment containment, DeployReason requested) {
        assertThatExceptionOfType(Conflict.class)
                .isThrownBy(() -> DeployPlan.decide(running, target, containment, false, requested))
                .withMessageContaining("rollback: true");
    }

    @Test
    void lowerVersionWithoutRollbackFlagIsRefusedNamingBothVersions() {
        assertThatExceptionOfType(Conflict.class)
                .isThrownBy(() -> DeployPlan.decide(7L, 5, Containment.TRUE, false, null))
                .withMessage(
                        "this deploy rolls back (v5 is lower than the running v7); request it with rollback: true");
    }

    @Test
    void higherVersionNotContainingTheRunningCommitIsRefusedSayingSo() {
        assertThatExceptionOfType(Conflict.class)
                .isThrownBy(() -> DeployPlan.decide(7L, 8, Containment.FALSE, false, null))
                .withMessage(
                        "this deploy rolls back (v8 does not contain the commit of the running v7); request it with rollback: true");
    }

    /** v1 at a, v2 at b (adds b), v3 at a again (a rollback release: lists b, which it removes), v4 at c (adds c). */
    private static final List<ReleaseCommits> HISTORY = List.of(
            new ReleaseCommits(1, sha('a'), null),
            new ReleaseCommits(2, sha('b'), List.of(sha('b'))),
            new ReleaseCommits(3, sha('a'), List.of(sha('b'))),
            new ReleaseCommits(4, sha('c'), List.of(sha('c'))));

    @ParameterizedTest(name = "running v{0} at {1} → v{2} at {3} ⇒ {4}, ledger asked {5}")
    @CsvSource(nullValues = "none", textBlock = """
      # running, its commit, target, its commit, containment, asks the ledger
        none,    none,       2,      b,          UNKNOWN,     false
        2,       b,          2,      b,          TRUE,        false
        1,       a,          3,      a,          TRUE,        false
        3,       a,          2,      b,          UNKNOWN,     false
        2,       b,          2,      a,          UNKNOWN,     false
        1,       a,          2,      b,          TRUE,        true
        2,       b,          3,      a,          FALSE,       true
        2,       b,          4,      c,          FALSE,       true
        3,       a,          4,      c,          TRUE,        true
      """)
    void theRunningCommitIsLookedUpInTheLedgerOnlyForADeployForward(
            @Nullable Long running,
            @Nullable Character runningCommit,
            long target,
            char targetCommit,
            Containment containment,
            boolean asks) {
        AtomicInteger asked = new AtomicInteger();
        Supplier<List<ReleaseCommits>> history = () -> {
            asked.incrementAndGet();
            return HISTORY;
        };
        RunningRelease now = running == null ? null : new RunningRelease(running, sha(runningCommit));
        assertThat(DeployPlan.runningCommitIn(now, target, sha(targetCommit), history))
                .isEqualTo(containment);
        assertThat(asked.get()).isEqualTo(asks ? 1 : 0);
    }

    @Test
    void aDeployForwardThatDropsTheRunningCommitIsARollback() {
        assertThat(DeployPlan.decide(new RunningRelease(2, sha('b')), 3, sha('a'), () -> HISTORY, true, null))
                .isEqualTo(new DeployPlan(true, DeployReason.ROLLBACK));
        assertThatExceptionOfType(Conflict.class)
                .isThrownBy(() ->
                        DeployPlan.decide(new RunningRelease(2, sha('b')), 3, sha('a'), () -> HISTORY, false, null));
    }

    @ParameterizedTest(name = "rollback={0}, reason={1} ⇒ holds automation {2}")
    @CsvSource(textBlock = """
      true,  ROLLBACK,  true
      true,  MANUAL,    true
      true,  PROMOTION, true
      true,  REDEPLOY,  true
      true,  AUTO,      false
      false, MANUAL,    false
      false, ROLLBACK,  false
      false, AUTO,      false
      """)
    void onlyAHumanGoingBackHoldsAutomation(boolean rollback, DeployReason reason, boolean holds) {
        assertThat(new DeployPlan(rollback, reason).holdsAutomation()).isEqualTo(holds);
    }

    private static CommitSha sha(char c) {
        return new CommitSha(String.valueOf(c).repeat(40));
    }
}
