package dev.catapult.registry;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.audit.AuditTrail;
import dev.catapult.audit.RegistryConfigured;
import dev.catapult.audit.RegistryCreated;
import dev.catapult.common.Conflict;
import dev.catapult.common.Durations;
import dev.catapult.common.InvalidInput;
import dev.catapult.common.NotFound;
import dev.catapult.common.Sha256;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registries Catapult watches, defined through the API or the configuration file. Credentials are
 * only ever names of environment variables; the notification secret is stored as a SHA-256 hash (it is a
 * random bearer secret, so a fast hash suffices) and compared in constant time.
 */
@Service
public class Registries {
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    private static final Pattern ENV = Pattern.compile("^[A-Z_][A-Z0-9_]{0,127}$");
    static final Duration DEFAULT_POLL = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Registries(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RegistryRecord create(Actor actor, NewRegistry req) {
        actor.grants().require(Permission.admin());
        Validated v = validate(req);
        if (define(v, "api") == 0) {
            throw new Conflict("a registry named '" + v.settings.name() + "' or for host " + v.settings.host()
                    + " already exists");
        }
        audit.record(
                actor.name(),
                new RegistryCreated(
                        v.settings.name(),
                        v.settings.url().toString(),
                        v.settings.auth().type(),
                        v.secretHash != null));
        return find(v.settings.name());
    }

    /** Creates or updates a registry from the configuration file (at start-up). */
    @Transactional
    public void defineFromConfig(NewRegistry req) {
        Validated v = validate(req);
        jdbc.sql("""
        insert into registries (name, url, host, auth_type, username_env, password_env, notification_secret_hash,
          poll_interval_seconds, max_concurrency, defined_in, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'config', ?, ?)
        on conflict (name) do update set url = excluded.url, host = excluded.host, auth_type = excluded.auth_type,
          username_env = excluded.username_env, password_env = excluded.password_env,
          notification_secret_hash = excluded.notification_secret_hash, poll_interval_seconds = excluded.poll_interval_seconds,
          max_concurrency = excluded.max_concurrency, defined_in = 'config', updated_at = excluded.updated_at
        """).params(params(v)).update();
        audit.record(
                "system",
                new RegistryConfigured(v.settings.name(), v.settings.url().toString()));
    }

    @Transactional(readOnly = true)
    public List<RegistryRecord> all() {
        return jdbc.sql("select * from registries order by name")
                .query(Registries::record)
                .list();
    }

    @Transactional(readOnly = true)
    public RegistryRecord find(String name) {
        return jdbc.sql("select * from registries where name = ?")
                .param(name)
                .query(Registries::record)
                .optional()
                .orElseThrow(() -> new NotFound("registry '" + name + "' not found"));
    }

    /** The registry that serves image references starting with {@code host} (e.g. {@code 127.0.0.1:5000}). */
    @Transactional(readOnly = true)
    public Optional<RegistryRecord> forHost(String host) {
        return jdbc.sql("select * from registries where host = ?")
                .param(host)
                .query(Registries::record)
                .optional();
    }

    /** A repository reference split into the registry serving its host and the path within it. */
    public record Location(RegistryRecord registry, String path) {}

    /**
     * The registry serving {@code repository} ({@code host[:port]/path}, no tag or digest) and the path in it;
     * empty when the reference has no host or no registry is configured for it.
     */
    @Transactional(readOnly = true)
    public Optional<Location> locate(String repository) {
        int slash = repository.indexOf('/');
        return slash < 0
                ? Optional.empty()
                : forHost(repository.substring(0, slash)).map(r -> new Location(r, repository.substring(slash + 1)));
    }

    /** Whether {@code presented} is the registry's notification secret (constant-time; false if none is set). */
    public boolean acceptsNotificationSecret(RegistryRecord registry, @Nullable String presented) {
        if (registry.notificationSecretHash() == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(
                registry.notificationSecretHash().getBytes(StandardCharsets.US_ASCII),
                Sha256.hex(presented).getBytes(StandardCharsets.US_ASCII));
    }

    @Transactional
    public void markPolled(long registryId, Instant at) {
        jdbc.sql("update registries set last_polled_at = ? where id = ?")
                .params(Timestamp.from(at), registryId)
                .update();
    }

    private int define(Validated v, String definedIn) {
        return jdbc.sql("""
        insert into registries (name, url, host, auth_type, username_env, password_env, notification_secret_hash,
          poll_interval_seconds, max_concurrency, defined_in, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, '""" + definedIn + "', ?, ?) on conflict do nothing")
                .params(params(v))
                .update();
    }

    private Object[] params(Validated v) {
        Timestamp now = Timestamp.from(clock.instant());
        RegistrySettings s = v.settings;
        return new Object[] {
            s.name(),
            s.url().toString(),
            s.host(),
            s.auth().type(),
            s.auth().usernameEnv(),
            s.auth().passwordEnv(),
            v.secretHash,
            (int) v.pollInterval.toSeconds(),
            s.maxConcurrency(),
            now,
            now
        };
    }

    private record Validated(
            RegistrySettings settings,
            Duration pollInterval,
            @Nullable String secretHash) {}

    private static Validated validate(NewRegistry req) {
        if (req.name() == null || !NAME.matcher(req.name()).matches()) {
            throw new InvalidInput("name", "registry names match " + NAME.pattern());
        }
        URI url;
        try {
            url = URI.create(req.url() == null ? "" : req.url());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("url", "is not a URL");
        }
        if (!("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                || url.getHost() == null
                || url.getUserInfo() != null
                || (url.getPath() != null
                        && !url.getPath().isEmpty()
                        && !url.getPath().equals("/"))) {
            throw new InvalidInput(
                    "url",
                    "must be the registry's base URL, e.g. https://ghcr.io or http://127.0.0.1:5000 (no path, no credentials)");
        }
        NewRegistry.Auth a = req.auth() == null ? new NewRegistry.Auth("none", null, null) : req.auth();
        if (a.type() == null || !List.of("none", "basic", "bearer").contains(a.type())) {
            throw new InvalidInput("auth.type", "must be none, basic or bearer");
        }
        if (a.type().equals("basic") && (a.usernameEnv() == null || a.passwordEnv() == null)) {
            throw new InvalidInput("auth", "basic auth needs usernameEnv and passwordEnv");
        }
        if (a.type().equals("bearer") && a.passwordEnv() == null) {
            throw new InvalidInput(
                    "auth.passwordEnv", "bearer auth needs passwordEnv (the variable holding the token)");
        }
        // The value is never echoed: a secret pasted where its variable's name belongs must not end up in a response.
        if (a.usernameEnv() != null && !ENV.matcher(a.usernameEnv()).matches()) {
            throw new InvalidInput(
                    "auth.usernameEnv", "must name an environment variable (A-Z, 0-9, _), not hold the value");
        }
        if (a.passwordEnv() != null && !ENV.matcher(a.passwordEnv()).matches()) {
            throw new InvalidInput(
                    "auth.passwordEnv", "must name an environment variable (A-Z, 0-9, _), not hold the secret");
        }
        Duration poll = req.pollInterval() == null ? DEFAULT_POLL : Durations.parse("pollInterval", req.pollInterval());
        if (poll.toSeconds() < 5 || poll.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidInput("pollInterval", "must be between 5s and 24h");
        }
        int concurrency = req.maxConcurrency() == null ? 8 : req.maxConcurrency();
        if (concurrency < 1 || concurrency > 64) {
            throw new InvalidInput("maxConcurrency", "must be between 1 and 64");
        }
        if (req.notificationSecret() != null && req.notificationSecret().length() < 16) {
            throw new InvalidInput("notificationSecret", "must be at least 16 characters");
        }
        URI base = URI.create(url.getScheme().toLowerCase() + "://" + url.getRawAuthority());
        RegistrySettings settings = new RegistrySettings(
                req.name(),
                base,
                new RegistrySettings.Auth(a.type(), a.usernameEnv(), a.passwordEnv()),
                concurrency,
                Duration.ofSeconds(30));
        return new Validated(
                settings, poll, req.notificationSecret() == null ? null : Sha256.hex(req.notificationSecret()));
    }

    private static RegistryRecord record(ResultSet rs, int n) throws SQLException {
        RegistrySettings settings = new RegistrySettings(
                rs.getString("name"),
                URI.create(rs.getString("url")),
                new RegistrySettings.Auth(
                        rs.getString("auth_type"), rs.getString("username_env"), rs.getString("password_env")),
                rs.getInt("max_concurrency"),
                Duration.ofSeconds(30));
        Timestamp polled = rs.getTimestamp("last_polled_at");
        return new RegistryRecord(
                rs.getLong("id"),
                settings,
                Duration.ofSeconds(rs.getInt("poll_interval_seconds")),
                rs.getString("notification_secret_hash"),
                rs.getString("defined_in"),
                polled == null ? null : polled.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
