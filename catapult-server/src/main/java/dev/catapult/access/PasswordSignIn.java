package dev.catapult.access;

import dev.catapult.common.Forbidden;
import dev.catapult.platform.RateLimited;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing in to the web UI with a user's name and password, plus a TOTP code when the user enrolled, and
 * the actor such a session acts as. Only users with a password who are not disabled may sign in; unknown
 * names cost the same bcrypt comparison as known ones; failures are limited per name
 * ({@link SignInFailures}); TOTP codes are single-use and limited like step-up codes ({@link OneTimeCodes}).
 */
@Service
public class PasswordSignIn {
    static final String WRONG = "Wrong name or password.";
    private final JdbcClient jdbc;
    private final SignInFailures failures;
    private final OneTimeCodes codes;
    private final Clock clock;

    PasswordSignIn(JdbcClient jdbc, SignInFailures failures, OneTimeCodes codes, Clock clock) {
        this.jdbc = jdbc;
        this.failures = failures;
        this.codes = codes;
        this.clock = clock;
    }

    /** What a sign-in attempt came to. Messages are safe to show: they never tell whether a name exists. */
    public sealed interface Outcome {
        /** Signed in: the session should hold {@code principalId} (never the password). */
        record SignedIn(String principalId, String name) implements Outcome {}

        /** Name and password are right, and the user enrolled TOTP: ask for the code. Not counted as a failure. */
        record CodeRequired() implements Outcome {}

        record Refused(String message) implements Outcome {}

        record Locked(String message, Duration retryAfter) implements Outcome {}
    }

    private record Candidate(
            String id,
            String name,
            boolean user,
            @Nullable String passwordHash,
            boolean totpEnrolled,
            boolean disabled) {}

    /** Not one transaction: the attempt is counted before bcrypt runs, and the outcome is recorded after it. */
    public Outcome signIn(String name, String password, @Nullable String otp) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty() || key.length() > 128 || password.isEmpty() || password.length() > 256) {
            Passwords.matches(password, null);
            return new Outcome.Refused(WRONG);
        }
        long attempt;
        try {
            attempt = failures.reserve(key);
        } catch (RateLimited e) {
            return new Outcome.Locked(e.getMessage(), e.retryAfter());
        }
        Optional<Candidate> found = jdbc.sql("""
        select id, name, kind = 'user', password_hash, totp_secret is not null, disabled_at is not null
        from principals where lower(name) = ?
        """)
                .param(key)
                .query((rs, n) -> new Candidate(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getBoolean(6)))
                .optional();
        String hash = found.filter(Candidate::user).map(Candidate::passwordHash).orElse(null);
        if (!Passwords.matches(password, hash)) {
            failures.failed(key, found.map(Candidate::name).orElse(null));
            return new Outcome.Refused(WRONG);
        }
        Candidate c = found.orElseThrow();
        if (c.disabled()) {
            failures.failed(key, c.name());
            return new Outcome.Refused("This account is disabled.");
        }
        if (c.totpEnrolled()) {
            if (otp == null || otp.isBlank()) {
                failures.withdraw(attempt);
                return new Outcome.CodeRequired();
            }
            try {
                codes.accept(c.id(), c.name(), otp.strip());
            } catch (Forbidden e) {
                failures.failed(key, c.name());
                return new Outcome.Refused("The TOTP code is wrong or was already used.");
            } catch (RateLimited e) {
                failures.withdraw(attempt);
                return new Outcome.Locked(e.getMessage(), e.retryAfter());
            }
        }
        failures.succeeded(key);
        return new Outcome.SignedIn(c.id(), c.name());
    }

    /**
     * The actor of a password session, looked up on every request: empty once the principal is disabled or
     * gone. Its grants are the union of the scopes of the principal's live tokens, or {@code read} alone
     * ({@link Grants#ofPasswordSession}), so revoking a token narrows the session at once.
     */
    @Transactional(readOnly = true)
    public Optional<Actor> actor(String principalId) {
        return jdbc.sql("""
        select p.id, p.name, p.totp_secret is not null,
          coalesce((select array_agg(distinct s order by s) from tokens t cross join unnest(t.scopes) s
                    where t.principal_id = p.id and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?)),
                   '{}') as scopes
        from principals p
        where p.id = ? and p.kind = 'user' and p.password_hash is not null and p.disabled_at is null
        """)
                .params(Timestamp.from(clock.instant()), principalId)
                .query((rs, n) -> new Actor(
                        rs.getString(1),
                        rs.getString(2),
                        true,
                        rs.getBoolean(3),
                        Grants.ofPasswordSession(
                                Arrays.stream((String[]) rs.getArray(4).getArray())
                                        .map(Scope::new)
                                        .toList())))
                .optional();
    }
}
