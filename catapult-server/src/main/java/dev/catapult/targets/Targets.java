package dev.catapult.targets;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.app.AppRecord;
import dev.catapult.app.Apps;
import dev.catapult.audit.AuditTrail;
import dev.catapult.audit.TargetSet;
import dev.catapult.audit.WatchHeld;
import dev.catapult.audit.WatchHoldReleased;
import dev.catapult.audit.WatchUpdated;
import dev.catapult.common.InvalidInput;
import dev.catapult.common.NotFound;
import dev.catapult.environment.EnvironmentRecord;
import dev.catapult.environment.Environments;
import dev.catapult.notify.Notifications;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Targets: which deployer runs an app's deploys in an environment, and how the app is watched there. */
@Service
public class Targets {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Apps apps;
    private final Environments environments;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Targets(
            JdbcClient jdbc,
            JsonMapper json,
            Apps apps,
            Environments environments,
            AuditTrail audit,
            Notifications notifications,
            ApplicationEventPublisher events,
            Clock clock) {
        this.notifications = notifications;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.apps = apps;
        this.environments = environments;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Target put(
            Actor actor,
            String app,
            String env,
            @Nullable Map<String, Object> deployer,
            @Nullable Map<String, Object> watch) {
        requireWrite(actor);
        AppRecord a = apps.find(app);
        EnvironmentRecord e = environments.find(env);
        DeployerSpec spec = DeployerSpec.parse(deployer);
        WatchSpec w = WatchSpec.parse(watch);
        jdbc.sql("""
        insert into targets (app_id, environment_id, deployer, watch, updated_at)
        values (?, ?, cast(? as jsonb), cast(? as jsonb), ?)
        on conflict (app_id, environment_id) do update set deployer = excluded.deployer, watch = excluded.watch,
          updated_at = excluded.updated_at
        """)
                .params(
                        a.id(),
                        e.id(),
                        json.writeValueAsString(spec.toMap()),
                        w == null ? null : json.writeValueAsString(w.toMap()),
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(actor.name(), new TargetSet(app, env, spec, w));
        events.publishEvent(new WatchChanged(a.id(), e.id(), "target"));
        return get(app, env);
    }

    /**
     * Changes the watch settings: {@code changes} is a JSON merge patch over them (a key set to {@code null} is
     * removed), and the merged settings are validated as a whole.
     */
    @Transactional
    public Target patchWatch(Actor actor, String app, String env, Map<String, @Nullable Object> changes) {
        actor.grants().require(new Permission.Watch(app, env));
        Target current = get(app, env);
        Map<String, @Nullable Object> merged = new LinkedHashMap<>(
                current.watch() == null ? Map.of() : current.watch().toMap());
        merged.putAll(changes);
        merged.values().removeIf(v -> v == null);
        WatchSpec w = Objects.requireNonNull(WatchSpec.parse(merged)); // null only for a null map
        jdbc.sql("update targets set watch = cast(? as jsonb), updated_at = ? where app_id = ? and environment_id = ?")
                .params(
                        json.writeValueAsString(w.toMap()),
                        Timestamp.from(clock.instant()),
                        apps.find(app).id(),
                        environments.find(env).id())
                .update();
        audit.record(actor.name(), new WatchUpdated(app, env, changes));
        events.publishEvent(
                new WatchChanged(apps.find(app).id(), environments.find(env).id(), "watch"));
        return get(app, env);
    }

    /** Holds automation for a target until released or {@code until} passes (I5). */
    @Transactional
    public Target hold(Actor actor, String app, String env, @Nullable String reason, @Nullable Instant until) {
        actor.grants().require(new Permission.Watch(app, env));
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInput("reason", "is required (at most 500 characters)");
        }
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw new InvalidInput("until", "must be in the future");
        }
        Target t = get(app, env);
        jdbc.sql(
                        "update targets set hold_reason = ?, hold_until = ?, hold_by = ?, hold_at = ? where app_id = ? and environment_id = ?")
                .params(
                        reason,
                        until == null ? null : Timestamp.from(until),
                        actor.name(),
                        Timestamp.from(now),
                        apps.find(app).id(),
                        environments.find(env).id())
                .update();
        WatchHeld held = new WatchHeld(t.app(), t.environment(), reason, until);
        audit.record(actor.name(), held);
        notifications.publish(Notifications.HOLD_PLACED, "app/" + app + "/env/" + env, held.details());
        return get(app, env);
    }

    @Transactional
    public Target releaseHold(Actor actor, String app, String env) {
        actor.grants().require(new Permission.Watch(app, env));
        get(app, env);
        int changed = jdbc.sql("""
        update targets set hold_reason = null, hold_until = null, hold_by = null, hold_at = null
        where app_id = ? and environment_id = ? and hold_reason is not null
        """)
                .params(apps.find(app).id(), environments.find(env).id())
                .update();
        if (changed > 0) {
            audit.record(actor.name(), new WatchHoldReleased(app, env));
            notifications.publish(
                    Notifications.HOLD_RELEASED, "app/" + app + "/env/" + env, Map.of("by", actor.name()));
            events.publishEvent(
                    new WatchChanged(apps.find(app).id(), environments.find(env).id(), "hold-released"));
        }
        return get(app, env);
    }

    @Transactional(readOnly = true)
    public List<Target> list(String app) {
        AppRecord a = apps.find(app);
        return jdbc.sql("""
        select a.name as app, e.name as env, t.* from targets t join apps a on a.id = t.app_id
        join environments e on e.id = t.environment_id where t.app_id = ? order by e.rank, e.name
        """).param(a.id()).query(this::view).list();
    }

    @Transactional(readOnly = true)
    public Target get(String app, String env) {
        AppRecord a = apps.find(app);
        EnvironmentRecord e = environments.find(env);
        return jdbc.sql("""
        select a.name as app, e.name as env, t.* from targets t join apps a on a.id = t.app_id
        join environments e on e.id = t.environment_id where t.app_id = ? and t.environment_id = ?
        """)
                .params(a.id(), e.id())
                .query(this::view)
                .optional()
                .orElseThrow(() -> new NotFound("app '" + app + "' has no target in environment '" + env + "'"));
    }

    /**
     * Holds the target's automation because a human went back (I5); joins the caller's transaction, whose
     * audit event records it. Returns whether a watched target was held.
     */
    @Transactional
    public boolean holdForRollback(AppRecord app, EnvironmentRecord environment, String reason, String actor) {
        long appId = app.id();
        long environmentId = environment.id();
        boolean held = jdbc.sql("""
        update targets set hold_reason = ?, hold_until = null, hold_by = ?, hold_at = ?
        where app_id = ? and environment_id = ? and watch is not null
        """)
                        .params(reason, actor, Timestamp.from(clock.instant()), appId, environmentId)
                        .update()
                > 0;
        if (held) {
            notifications.publish(
                    Notifications.HOLD_PLACED,
                    "app/" + app.name() + "/env/" + environment.name(),
                    Map.of("reason", reason, "by", actor));
        }
        return held;
    }

    /** The deployer for deploys of {@code appId} to {@code environmentId}: the target's, or record-only. */
    @Transactional(readOnly = true)
    public DeployerSpec deployerFor(long appId, long environmentId) {
        return jdbc.sql("select deployer from targets where app_id = ? and environment_id = ?")
                .params(appId, environmentId)
                .query(String.class)
                .optional()
                .map(s -> DeployerSpec.parse(json.readValue(s, MAP)))
                .orElseGet(DeployerSpec::recordOnly);
    }

    /**
     * The tags watches pin on images starting with {@code imagePrefix} ({@code host/}), of apps that are not
     * archived: what a registry poll re-checks.
     */
    @Transactional(readOnly = true)
    public List<PinnedTag> pinnedTags(String imagePrefix) {
        return jdbc.sql("""
        select a.image, t.watch ->> 'pinnedTag' from targets t join apps a on a.id = t.app_id
        where a.archived_at is null and starts_with(a.image, ?) and t.watch ->> 'pinnedTag' is not null
        """)
                .param(imagePrefix)
                .query((rs, n) -> new PinnedTag(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** The targets with auto-deploy on, of apps that are not archived. */
    @Transactional(readOnly = true)
    public List<TargetKey> autoDeploying() {
        return jdbc.sql("""
        select t.app_id, t.environment_id from targets t join apps a on a.id = t.app_id
        where a.archived_at is null and (t.watch ->> 'autoDeploy')::boolean
        """)
                .query((rs, n) -> new TargetKey(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    /** Every distinct Engine API host of a {@code docker} target of an app that is not archived, sorted. */
    @Transactional(readOnly = true)
    public List<String> dockerHosts() {
        return jdbc.sql("""
        select distinct t.deployer ->> 'host' from targets t join apps a on a.id = t.app_id
        where t.deployer ->> 'type' = 'docker' and a.archived_at is null and t.deployer ->> 'host' is not null
        order by 1
        """).query(String.class).list();
    }

    /** The names of apps, not archived, with a watch in some environment, sorted. */
    @Transactional(readOnly = true)
    public List<String> watchedApps() {
        return jdbc.sql("""
        select distinct a.name from apps a join targets t on t.app_id = a.id
        where t.watch is not null and a.archived_at is null order by a.name
        """).query(String.class).list();
    }

    private static void requireWrite(Actor actor) {
        actor.grants().require(new Permission.AppWrite());
    }

    private Target view(ResultSet rs, int n) throws SQLException {
        String watchJson = rs.getString("watch");
        Timestamp holdUntil = rs.getTimestamp("hold_until");
        TargetHold hold = rs.getString("hold_reason") == null
                ? null
                : new TargetHold(
                        rs.getString("hold_reason"),
                        holdUntil == null ? null : holdUntil.toInstant(),
                        rs.getString("hold_by"),
                        rs.getTimestamp("hold_at").toInstant());
        String evaluation = rs.getString("last_evaluation");
        return new Target(
                rs.getString("app"),
                rs.getString("env"),
                DeployerSpec.parse(json.readValue(rs.getString("deployer"), MAP)),
                watchJson == null ? null : WatchSpec.parse(json.readValue(watchJson, MAP)),
                hold,
                evaluation == null ? null : json.readValue(evaluation, MAP),
                rs.getTimestamp("updated_at").toInstant());
    }
}
