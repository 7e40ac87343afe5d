package dev.catapult.targets;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.TargetView;
import dev.catapult.app.AppRecord;
import dev.catapult.app.Apps;
import dev.catapult.audit.AuditTrail;
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
    public TargetView put(
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
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("deployer", spec.toMap());
        details.put("watch", w == null ? null : w.toMap());
        audit.record(actor.name(), "target.set", "app/" + app + "/env/" + env, details);
        events.publishEvent(new WatchChanged(a.id(), e.id(), "target"));
        return get(app, env);
    }

    @Transactional
    public TargetView patchWatch(Actor actor, String app, String env, Map<String, Object> changes) {
        actor.grants().require(new Permission.Watch(app, env));
        TargetView current = get(app, env);
        Map<String, Object> merged = new LinkedHashMap<>(current.watch() == null ? Map.of() : current.watch());
        // The view adds the hold and the last evaluation; neither is a setting.
        merged.remove("hold");
        merged.remove("lastEvaluation");
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
        audit.record(actor.name(), "watch.updated", "app/" + app + "/env/" + env, new LinkedHashMap<>(changes));
        events.publishEvent(
                new WatchChanged(apps.find(app).id(), environments.find(env).id(), "watch"));
        return get(app, env);
    }

    /** Holds automation for a target until released or {@code until} passes (I5). */
    @Transactional
    public TargetView hold(Actor actor, String app, String env, @Nullable String reason, @Nullable Instant until) {
        actor.grants().require(new Permission.Watch(app, env));
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInput("reason", "is required (at most 500 characters)");
        }
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw new InvalidInput("until", "must be in the future");
        }
        TargetView t = get(app, env);
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
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        details.put("until", until == null ? null : until.toString());
        audit.record(actor.name(), "watch.held", "app/" + t.app() + "/env/" + t.environment(), details);
        notifications.publish(Notifications.HOLD_PLACED, "app/" + app + "/env/" + env, details);
        return get(app, env);
    }

    @Transactional
    public TargetView releaseHold(Actor actor, String app, String env) {
        actor.grants().require(new Permission.Watch(app, env));
        get(app, env);
        int changed = jdbc.sql("""
        update targets set hold_reason = null, hold_until = null, hold_by = null, hold_at = null
        where app_id = ? and environment_id = ? and hold_reason is not null
        """)
                .params(apps.find(app).id(), environments.find(env).id())
                .update();
        if (changed > 0) {
            audit.record(actor.name(), "watch.hold.released", "app/" + app + "/env/" + env, Map.of());
            notifications.publish(
                    Notifications.HOLD_RELEASED, "app/" + app + "/env/" + env, Map.of("by", actor.name()));
            events.publishEvent(
                    new WatchChanged(apps.find(app).id(), environments.find(env).id(), "hold-released"));
        }
        return get(app, env);
    }

    @Transactional(readOnly = true)
    public List<TargetView> list(String app) {
        AppRecord a = apps.find(app);
        return jdbc.sql("""
        select a.name as app, e.name as env, t.* from targets t join apps a on a.id = t.app_id
        join environments e on e.id = t.environment_id where t.app_id = ? order by e.rank, e.name
        """).param(a.id()).query(this::view).list();
    }

    @Transactional(readOnly = true)
    public TargetView get(String app, String env) {
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

    private static void requireWrite(Actor actor) {
        actor.grants().require(new Permission.AppWrite());
    }

    private TargetView view(ResultSet rs, int n) throws SQLException {
        String watchJson = rs.getString("watch");
        Map<String, Object> watch = watchJson == null ? null : new LinkedHashMap<>(json.readValue(watchJson, MAP));
        if (rs.getString("hold_reason") != null) {
            Map<String, Object> hold = new LinkedHashMap<>();
            hold.put("reason", rs.getString("hold_reason"));
            hold.put(
                    "until",
                    rs.getTimestamp("hold_until") == null
                            ? null
                            : rs.getTimestamp("hold_until").toInstant().toString());
            hold.put("by", rs.getString("hold_by"));
            hold.put("at", rs.getTimestamp("hold_at").toInstant().toString());
            watch = watch == null ? new LinkedHashMap<>() : watch;
            watch.put("hold", hold);
        }
        String evaluation = rs.getString("last_evaluation");
        if (watch != null && evaluation != null) {
            watch.put("lastEvaluation", json.readValue(evaluation, MAP));
        }
        return new TargetView(
                rs.getString("app"),
                rs.getString("env"),
                json.readValue(rs.getString("deployer"), MAP),
                watch,
                rs.getTimestamp("updated_at").toInstant());
    }
}
