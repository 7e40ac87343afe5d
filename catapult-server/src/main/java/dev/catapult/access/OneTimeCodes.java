package dev.catapult.access;

import dev.catapult.common.Forbidden;
import dev.catapult.platform.RateLimited;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts a TOTP code from a principal who enrolled, for step-up on protected environments and for password
 * sign-in alike: each code once (the matched time step must move forward), wrong codes counted and locked
 * out by {@link TotpAttempts}.
 */
@Component
class OneTimeCodes {
    private final JdbcClient jdbc;
    private final TotpAttempts attempts;
    private final Clock clock;

    OneTimeCodes(JdbcClient jdbc, TotpAttempts attempts, Clock clock) {
        this.jdbc = jdbc;
        this.attempts = attempts;
        this.clock = clock;
    }

    /**
     * Throws {@link RateLimited} while the principal is locked out and {@link Forbidden} for a wrong or reused
     * code. Joins the caller's transaction, so a refused command consumes nothing.
     */
    @Transactional
    public void accept(String principalId, String principalName, String code) {
        // No row lock here: a wrong code is counted in a transaction of its own, which must not wait on ours.
        State state = jdbc.sql("select totp_secret, totp_last_step, totp_locked_until from principals where id = ?")
                .param(principalId)
                .query((rs, n) -> new State(
                        rs.getString(1),
                        rs.getObject(2) == null ? Long.MIN_VALUE : rs.getLong(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .single();
        attempts.checkNotLocked(principalId, state.lockedUntil());
        OptionalLong step = state.secret() == null
                ? OptionalLong.empty()
                : Totp.matchingStep(state.secret(), code, clock.instant());
        if (step.isEmpty() || step.getAsLong() <= state.lastStep()) {
            attempts.recordFailure(principalId, principalName);
            throw new Forbidden("the TOTP code is wrong or was already used");
        }
        // Atomic: of two requests racing with one code, only one moves the step forward.
        int fresh = jdbc.sql(
                        "update principals set totp_last_step = ? where id = ? and (totp_last_step is null or totp_last_step < ?)")
                .params(step.getAsLong(), principalId, step.getAsLong())
                .update();
        if (fresh == 0) {
            throw new Forbidden("the TOTP code is wrong or was already used");
        }
        attempts.recordSuccess(principalId);
    }

    private record State(
            @Nullable String secret,
            long lastStep,
            @Nullable Instant lockedUntil) {}
}
