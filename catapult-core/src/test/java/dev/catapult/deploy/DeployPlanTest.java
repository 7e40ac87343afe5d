package dev.catapult.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.catapult.common.Conflict;
import dev.catapult.release.Containment;
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
}
