package dev.catapult.environment;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentRulesTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 10, 30, 1_000_000})
    void rankFromZeroToAMillionIsAccepted(int rank) {
        assertThat(EnvironmentRules.rank(rank)).isEqualTo(rank);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1_000_001})
    void rankOutOfRangeIsRefused(int rank) {
        assertThat(onlyErrorOf(() -> EnvironmentRules.rank(rank)).field()).isEqualTo("rank");
    }

    @Test
    void rankIsRequired() {
        assertThat(onlyErrorOf(() -> EnvironmentRules.rank(null)).message()).startsWith("is required");
    }

    @Test
    void missingRequiredApprovalsMeansNone() {
        assertThat(EnvironmentRules.requiredApprovals(null)).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, EnvironmentRules.MAX_REQUIRED_APPROVALS + 1})
    void requiredApprovalsOutOfRangeAreRefused(int n) {
        assertThat(onlyErrorOf(() -> EnvironmentRules.requiredApprovals(n)).field())
                .isEqualTo("requiredApprovals");
    }

    @Test
    void accountsAreDeduplicatedInOrder() {
        assertThat(EnvironmentRules.accounts(List.of("123456789012", "acct:prod", "123456789012")))
                .containsExactly("123456789012", "acct:prod");
    }

    @Test
    void missingAccountsMeanNone() {
        assertThat(EnvironmentRules.accounts(null)).isEmpty();
    }

    @Test
    void invalidAccountIsRefusedNamingItsIndex() {
        assertThat(onlyErrorOf(() -> EnvironmentRules.accounts(Arrays.asList("123456789012", "no spaces", null)))
                        .field())
                .isEqualTo("accounts[1]");
        assertThat(onlyErrorOf(() -> EnvironmentRules.accounts(Arrays.asList("123456789012", null)))
                        .field())
                .isEqualTo("accounts[1]");
    }

    @Test
    void moreThanAHundredAccountsAreRefused() {
        assertThat(onlyErrorOf(() -> EnvironmentRules.accounts(Collections.nCopies(101, "1")))
                        .field())
                .isEqualTo("accounts");
    }
}
