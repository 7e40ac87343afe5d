package dev.catapult.access;

import dev.catapult.audit.AuditTrail;
import dev.catapult.audit.SignInLocked;
import dev.catapult.platform.RateLimited;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bounds password guessing: a name with {@value #MAX_FAILURES} failed sign-ins within {@link #WINDOW} is
 * refused until the oldest of them falls out of the window. Each attempt is counted as a failure
 * <em>before</em> its password is checked and withdrawn or cleared afterwards, so parallel guesses cannot
 * get past the limit. Counted per name as typed (lower-cased), whether or not a principal has it.
 */
@Component
class SignInFailures {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final DateTimeFormatter HH_MM =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    SignInFailures(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Counts an attempt for {@code name} and returns its id; throws {@link RateLimited} when the name is locked out. */
    @Transactional
    public long reserve(String name) {
        // Attempts on one name are serialised only for these few statements, not while bcrypt runs.
        jdbc.sql("select pg_advisory_xact_lock(7400002, hashtext(?))")
                .param(name)
                .query()
                .singleRow();
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(WINDOW));
        jdbc.sql("delete from sign_in_failures where at <= ?")
                .param(windowStart)
                .update();
        List<Instant> recent = jdbc
                .sql("select at from sign_in_failures where name = ? order by at")
                .param(name)
                .query(Timestamp.class)
                .list()
                .stream()
                .map(Timestamp::toInstant)
                .toList();
        if (recent.size() >= MAX_FAILURES) {
            Instant until = recent.get(recent.size() - MAX_FAILURES).plus(WINDOW);
            throw new RateLimited(
                    "too many failed sign-ins for this name; try again after " + HH_MM.format(until),
                    Duration.between(now, until));
        }
        return jdbc.sql("insert into sign_in_failures (name, at) values (?, ?) returning id")
                .params(name, Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** The attempt turned out not to be a failure (the password was right; a TOTP code is still to come). */
    @Transactional
    public void withdraw(long attempt) {
        jdbc.sql("delete from sign_in_failures where id = ?").param(attempt).update();
    }

    /**
     * The attempt failed and stays counted. When it was the last one allowed for an existing principal, the
     * lockout is audited, as TOTP lockouts are.
     */
    @Transactional
    public void failed(String name, @Nullable String principalName) {
        if (principalName == null) {
            return;
        }
        long failures = jdbc.sql("select count(*) from sign_in_failures where name = ? and at > ?")
                .params(name, Timestamp.from(clock.instant().minus(WINDOW)))
                .query(Long.class)
                .single();
        if (failures == MAX_FAILURES) {
            audit.record("system", new SignInLocked(principalName, failures, WINDOW));
        }
    }

    /** A successful sign-in forgets the name's failures. */
    @Transactional
    public void succeeded(String name) {
        jdbc.sql("delete from sign_in_failures where name = ?").param(name).update();
    }
}
