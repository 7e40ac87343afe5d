package dev.catapult.access;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.catapult.audit.AuditTrail;
import dev.catapult.audit.PrincipalBootstrapped;
import dev.catapult.audit.PrincipalCreated;
import dev.catapult.audit.TokenCreated;
import dev.catapult.audit.TokenRevoked;
import dev.catapult.audit.TotpEnrolled;
import dev.catapult.audit.TotpEnrolmentStarted;
import dev.catapult.common.Conflict;
import dev.catapult.common.Forbidden;
import dev.catapult.common.InvalidInput;
import dev.catapult.common.NotFound;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Principals, their tokens and TOTP enrolment; authentication of bearer secrets and step-up checks.
 * Tokens are stored as hashes only; expired and revoked tokens never authenticate.
 */
@Service
public class AccessControl {
    private static final Pattern PRINCIPAL_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final OneTimeCodes codes;
    private final Clock clock;

    AccessControl(JdbcClient jdbc, AuditTrail audit, OneTimeCodes codes, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.codes = codes;
        this.clock = clock;
    }

    /**
     * The actor a bearer secret belongs to, if the token exists, is not revoked and has not expired, and its
     * principal is not disabled.
     */
    @Transactional(readOnly = true)
    public Optional<Actor> authenticate(String secret) {
        return jdbc.sql("""
        select p.id, p.name, p.kind, p.totp_secret is not null as enrolled, t.scopes
        from tokens t join principals p on p.id = t.principal_id
        where t.secret_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?)
          and p.disabled_at is null
        """)
                .params(TokenSecrets.hash(secret), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Actor(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3).equals("user"),
                        rs.getBoolean(4),
                        new Grants(Arrays.stream((String[]) rs.getArray(5).getArray())
                                .map(Scope::new)
                                .toList())))
                .optional();
    }

    @Transactional
    public Principal createPrincipal(
            Actor actor, @Nullable String name, @Nullable String kind, @Nullable String password) {
        actor.grants().require(Permission.admin());
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (name == null || !PRINCIPAL_NAME.matcher(name).matches()) {
            errors.add(new InvalidInput.FieldError("name", "must match " + PRINCIPAL_NAME.pattern()));
        }
        if (kind == null || !(kind.equals("user") || kind.equals("service"))) {
            errors.add(new InvalidInput.FieldError("kind", "must be user or service"));
        }
        if (password != null && "service".equals(kind)) {
            errors.add(new InvalidInput.FieldError("password", "service accounts authenticate with tokens only"));
        } else if (password != null && (password.length() < 12 || password.length() > 256)) {
            errors.add(new InvalidInput.FieldError("password", "must be 12 to 256 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        // no errors: the name and the kind were given
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        if (jdbc.sql("select 1 from principals where lower(name) = ?")
                .param(name.toLowerCase(Locale.ROOT))
                .query()
                .optionalValue()
                .isPresent()) {
            throw new Conflict("a principal named '" + name + "' already exists");
        }
        String id = "p_" + UlidCreator.getMonotonicUlid().toLowerCase();
        Instant now = clock.instant();
        jdbc.sql("insert into principals (id, name, kind, password_hash, created_at) values (?, ?, ?, ?, ?)")
                .params(id, name, kind, password == null ? null : Passwords.hash(password), Timestamp.from(now))
                .update();
        audit.record(actor.name(), new PrincipalCreated(name, id, kind));
        return new Principal(id, name, kind, false, now);
    }

    @Transactional(readOnly = true)
    public List<Principal> listPrincipals(Actor actor) {
        actor.grants().require(Permission.admin());
        return jdbc.sql("select id, name, kind, totp_secret is not null, created_at from principals order by name")
                .query((rs, n) -> new Principal(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    @Transactional
    public IssuedToken createToken(
            Actor actor,
            String principalId,
            @Nullable String name,
            @Nullable List<String> scopes,
            @Nullable Instant expiresAt) {
        actor.grants().require(Permission.admin());
        String principalName = principalName(principalId);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 64) {
            errors.add(new InvalidInput.FieldError("name", "must be 1 to 64 characters"));
        }
        List<String> parsed = new ArrayList<>();
        if (scopes == null || scopes.isEmpty()) {
            errors.add(new InvalidInput.FieldError("scopes", "at least one scope is required"));
        } else {
            for (int i = 0; i < scopes.size(); i++) {
                try {
                    parsed.add(new Scope(scopes.get(i)).value());
                } catch (InvalidInput e) {
                    errors.add(new InvalidInput.FieldError(
                            "scopes[" + i + "]", e.errors().getFirst().message()));
                }
            }
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new InvalidInput.FieldError("expiresAt", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        // no errors: the name was given
        Objects.requireNonNull(name);
        String secret = TokenSecrets.generate();
        String id = insertToken(principalId, name, parsed, secret, expiresAt, now);
        audit.record(actor.name(), new TokenCreated(principalName, id, name, parsed, expiresAt));
        return new IssuedToken(id, principalId, name, parsed, expiresAt, now, secret);
    }

    @Transactional
    public void revokeToken(Actor actor, String tokenId) {
        var owner = jdbc.sql(
                        "select t.principal_id, p.name, t.revoked_at is not null from tokens t join principals p on p.id = t.principal_id where t.id = ?")
                .param(tokenId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBoolean(3)})
                .optional()
                .orElseThrow(() -> new NotFound("token '" + tokenId + "' not found"));
        if (!owner[0].equals(actor.principalId())) {
            actor.grants().require(Permission.admin());
        }
        if ((Boolean) owner[2]) {
            return;
        }
        jdbc.sql("update tokens set revoked_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), tokenId)
                .update();
        audit.record(actor.name(), new TokenRevoked((String) owner[1], tokenId));
    }

    /**
     * Starts (no code) or confirms (with the current code) a TOTP enrolment. Only the user themself may
     * enrol, since the secret is shown in the answer.
     */
    @Transactional
    public TotpEnrolment enrolTotp(Actor actor, String principalId, @Nullable String code) {
        if (!principalId.equals(actor.principalId())) {
            throw new Forbidden("only the principal itself can enrol TOTP");
        }
        if (!actor.human()) {
            throw new InvalidInput("principal", "service accounts do not use TOTP");
        }
        if (code == null) {
            String secret = Totp.newSecret();
            jdbc.sql("update principals set totp_pending_secret = ? where id = ?")
                    .params(secret, principalId)
                    .update();
            audit.record(actor.name(), new TotpEnrolmentStarted(actor.name()));
            return new TotpEnrolment.Started(secret, Totp.uri(secret, actor.name()));
        }
        String pending = jdbc.sql("select totp_pending_secret from principals where id = ? for update")
                .param(principalId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (pending == null) {
            throw new Conflict("no TOTP enrolment in progress; start one without a code");
        }
        OptionalLong step = Totp.matchingStep(pending, code, clock.instant());
        if (step.isEmpty()) {
            throw new InvalidInput("code", "does not match the pending TOTP secret");
        }
        jdbc.sql(
                        "update principals set totp_secret = totp_pending_secret, totp_pending_secret = null, totp_last_step = ? where id = ?")
                .params(step.getAsLong(), principalId)
                .update();
        audit.record(actor.name(), new TotpEnrolled(actor.name()));
        return new TotpEnrolment.Enrolled();
    }

    /**
     * Step-up for protected environments: a user who enrolled TOTP must present a fresh code (each code is
     * accepted once). Joins the caller's transaction so a refused command consumes nothing.
     */
    @Transactional
    public void requireStepUp(Actor actor, @Nullable String otp) {
        if (!actor.human() || !actor.totpEnrolled()) {
            return;
        }
        if (otp == null || otp.isBlank()) {
            throw new Forbidden("this environment is protected: a TOTP code (otp) is required");
        }
        codes.accept(actor.principalId(), actor.name(), otp);
    }

    /** Creates the admin service account and its token on first start with an empty database. */
    @Transactional
    public boolean bootstrap(String secret) {
        jdbc.sql("select pg_advisory_xact_lock(7400001)").query().singleRow();
        if (jdbc.sql("select count(*) from principals").query(Long.class).single() > 0) {
            return false;
        }
        String id = "p_" + UlidCreator.getMonotonicUlid().toLowerCase();
        Instant now = clock.instant();
        jdbc.sql("insert into principals (id, name, kind, created_at) values (?, 'admin', 'service', ?)")
                .params(id, Timestamp.from(now))
                .update();
        String tokenId = insertToken(id, "bootstrap", List.of("admin"), secret, null, now);
        audit.record("system", new PrincipalBootstrapped(id, tokenId));
        return true;
    }

    private String insertToken(
            String principalId,
            String name,
            List<String> scopes,
            String secret,
            @Nullable Instant expiresAt,
            Instant now) {
        String id = "t_" + UlidCreator.getMonotonicUlid().toLowerCase();
        jdbc.sql("""
        insert into tokens (id, principal_id, name, secret_hash, scopes, expires_at, created_at)
        values (?, ?, ?, ?, ?, ?, ?)
        """)
                .params(
                        id,
                        principalId,
                        name,
                        TokenSecrets.hash(secret),
                        scopes.toArray(String[]::new),
                        expiresAt == null ? null : Timestamp.from(expiresAt),
                        Timestamp.from(now))
                .update();
        return id;
    }

    private String principalName(String principalId) {
        return jdbc.sql("select name from principals where id = ?")
                .param(principalId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFound("principal '" + principalId + "' not found"));
    }
}
