package dev.catapult.access;

import dev.catapult.audit.AuditTrail;
import dev.catapult.audit.TotpLocked;
import dev.catapult.platform.RateLimited;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bounds TOTP guessing: six digits fall to a few hundred thousand tries, so after {@value #MAX_FAILURES}
 * wrong codes in a row a principal's step-up is locked for {@link #LOCK}. Failures are counted in their own
 * transaction, because the refused command's transaction rolls back.
 */
@Component
class TotpAttempts {
    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(5);
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    TotpAttempts(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Throws {@link RateLimited} while the principal's step-up is locked. */
    void checkNotLocked(String principalId, @Nullable Instant lockedUntil) {
        Instant now = clock.instant();
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            throw new RateLimited(
                    "too many wrong TOTP codes; try again after " + lockedUntil, Duration.between(now, lockedUntil));
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String principalId, String principalName) {
        int failures = jdbc.sql(
                        "update principals set totp_failures = totp_failures + 1 where id = ? returning totp_failures")
                .param(principalId)
                .query(Integer.class)
                .single();
        if (failures >= MAX_FAILURES) {
            Instant until = clock.instant().plus(LOCK);
            jdbc.sql("update principals set totp_failures = 0, totp_locked_until = ? where id = ?")
                    .params(Timestamp.from(until), principalId)
                    .update();
            audit.record("system", new TotpLocked(principalName, until, failures));
        }
    }

    /** Joins the caller's transaction: a successful step-up clears the count. */
    @Transactional
    public void recordSuccess(String principalId) {
        jdbc.sql(
                        "update principals set totp_failures = 0, totp_locked_until = null where id = ? and (totp_failures > 0 or totp_locked_until is not null)")
                .param(principalId)
                .update();
    }
}
