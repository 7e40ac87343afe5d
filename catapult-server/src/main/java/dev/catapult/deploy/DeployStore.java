package dev.catapult.deploy;

import dev.catapult.common.Conflict;
import dev.catapult.common.NotFound;
import dev.catapult.notify.Notifications;
import dev.catapult.release.CommitSha;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for deploys: rows, transitions, approvals, the per-environment state, and the deploy as the module returns it. */
@Repository
class DeployStore {
    private static final String ROW = """
      select d.id, d.app_id, a.name as app, d.environment_id, e.name as env, d.version, d.actor, d.reason, d.rollback,
             d.status, d.required_approvals, d.deployer_type, d.deployer_settings, d.attempts, d.deadline_at
      from deploys d join apps a on a.id = d.app_id join environments e on e.id = d.environment_id
      """;
    private final JdbcClient jdbc;
    private final Notifications notifications;

    DeployStore(JdbcClient jdbc, Notifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    Optional<DeployRow> find(String id, boolean forUpdate) {
        return jdbc.sql(ROW + " where d.id = ?" + (forUpdate ? " for update of d" : ""))
                .param(id)
                .query(DeployStore::row)
                .optional();
    }

    DeployRow lock(String id) {
        return find(id, true).orElseThrow(() -> new NotFound("deploy '" + id + "' not found"));
    }

    /**
     * Moves a deploy along {@code move} (which core's {@link DeployTransition} allowed), records the transition,
     * and, for terminal states, its finish. The update also checks that the deploy is still in the status the
     * move starts from: callers hold the row lock, so a mismatch means a caller moved it from a status it did
     * not read — refused rather than written.
     */
    void transition(
            String id,
            DeployTransition move,
            Instant at,
            String actor,
            @Nullable String message,
            @Nullable String externalRef) {
        DeployStatus status = move.to();
        int updated = jdbc.sql("""
        update deploys set status = ?, message = coalesce(?, message), external_ref = coalesce(?, external_ref), updated_at = ?,
          finished_at = case when ? then ? else finished_at end,
          lease_owner = case when ? then null else lease_owner end, lease_until = case when ? then null else lease_until end
        where id = ? and status = ?
        """)
                .params(
                        status.wireName(),
                        message,
                        externalRef,
                        Timestamp.from(at),
                        move.finishes(),
                        Timestamp.from(at),
                        move.finishes(),
                        move.finishes(),
                        id,
                        move.from().wireName())
                .update();
        if (updated != 1) {
            throw new Conflict("deploy '" + id + "' is no longer " + move.from().wireName());
        }
        jdbc.sql("""
        insert into deploy_transitions (deploy_id, seq, status, at, actor, message)
        values (?, (select coalesce(max(seq), 0) + 1 from deploy_transitions where deploy_id = ?), ?, ?, ?, ?)
        """)
                .params(id, id, status.wireName(), Timestamp.from(at), actor, message)
                .update();
        if (status == DeployStatus.SUCCEEDED) {
            jdbc.sql("""
          update environment_state s set current_deploy_id = d.id, current_version = d.version
          from deploys d where d.id = ? and s.app_id = d.app_id and s.environment_id = d.environment_id
          """).param(id).update();
        }
        String event = switch (status) {
            case IN_PROGRESS -> isFirstStart(id) ? Notifications.DEPLOY_STARTED : null;
            case SUCCEEDED -> Notifications.DEPLOY_SUCCEEDED;
            case FAILED -> Notifications.DEPLOY_FAILED;
            default -> null;
        };
        if (event != null) {
            DeployRow d = find(id, false).orElseThrow();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("id", id);
            details.put("version", d.version());
            details.put("reason", d.reason().wireName());
            details.put("actor", d.actor());
            details.put("message", message);
            notifications.publish(event, "app/" + d.app() + "/env/" + d.environment(), details);
        }
    }

    private boolean isFirstStart(String id) {
        return jdbc.sql("select count(*) from deploy_transitions where deploy_id = ? and status = 'in_progress'")
                        .param(id)
                        .query(Long.class)
                        .single()
                == 1;
    }

    /** Ensures and locks the environment-state row of an app in an environment; returns the running release. */
    @Nullable
    RunningRelease lockEnvironmentState(long appId, long environmentId) {
        jdbc.sql("insert into environment_state (app_id, environment_id) values (?, ?) on conflict do nothing")
                .params(appId, environmentId)
                .update();
        // Lock, then read the release in a second statement: a locking read that joins would re-check only the
        // locked row when a concurrent deploy finishes, pairing the new version with the old (empty) join.
        OptionalLong version = jdbc.sql(
                        "select current_version from environment_state where app_id = ? and environment_id = ? for update")
                .params(appId, environmentId)
                .query((rs, n) -> rs.getObject(1) == null ? OptionalLong.empty() : OptionalLong.of(rs.getLong(1)))
                .single();
        if (version.isEmpty()) {
            return null;
        }
        String commit = jdbc.sql("select commit_sha from releases where app_id = ? and version = ?")
                .params(appId, version.getAsLong())
                .query(String.class)
                .single();
        return new RunningRelease(version.getAsLong(), new CommitSha(commit));
    }

    /** The deploy whose version runs in the environment (its last success), if any. */
    Optional<SucceededDeploy> current(long appId, long environmentId) {
        return jdbc.sql("""
        select d.id, d.version, d.finished_at from environment_state s join deploys d on d.id = s.current_deploy_id
        where s.app_id = ? and s.environment_id = ?
        """)
                .params(appId, environmentId)
                .query(DeployStore::succeeded)
                .optional();
    }

    /**
     * The successful deploys of an app in an environment: for each version the latest one (what rollback rules
     * look at — when each version last ran there).
     */
    List<SucceededDeploy> succeeded(long appId, long environmentId) {
        return jdbc.sql("""
        select distinct on (version) id, version, finished_at from deploys
        where app_id = ? and environment_id = ? and status = 'succeeded'
        order by version, finished_at desc, id desc
        """)
                .params(appId, environmentId)
                .query(DeployStore::succeeded)
                .list();
    }

    private static SucceededDeploy succeeded(ResultSet rs, int n) throws SQLException {
        return new SucceededDeploy(
                rs.getString("id"),
                rs.getLong("version"),
                rs.getTimestamp("finished_at").toInstant());
    }

    Set<String> approvers(String id) {
        return new HashSet<>(jdbc.sql("select approver from deploy_approvals where deploy_id = ?")
                .param(id)
                .query(String.class)
                .list());
    }

    Deploy view(String id) {
        Deploy base = jdbc.sql("""
        select d.*, a.name as app, e.name as env from deploys d join apps a on a.id = d.app_id
        join environments e on e.id = d.environment_id where d.id = ?
        """)
                .param(id)
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> new NotFound("deploy '" + id + "' not found"));
        return withDetails(base);
    }

    List<Deploy> list(
            long appId,
            @Nullable Long environmentId,
            @Nullable DeployStatus status,
            @Nullable String before,
            int limit) {
        return jdbc
                .sql("""
        select d.*, a.name as app, e.name as env from deploys d join apps a on a.id = d.app_id
        join environments e on e.id = d.environment_id
        where d.app_id = :app and (cast(:env as bigint) is null or d.environment_id = :env)
          and (cast(:status as text) is null or d.status = :status) and (cast(:before as text) is null or d.id < :before)
        order by d.id desc limit :limit
        """)
                .param("app", appId)
                .param("env", environmentId)
                .param("status", status == null ? null : status.wireName())
                .param("before", before)
                .param("limit", limit)
                .query((rs, n) -> view(rs))
                .list()
                .stream()
                .map(this::withDetails)
                .toList();
    }

    private Deploy withDetails(Deploy v) {
        List<Deploy.Approval> approvals = jdbc.sql(
                        "select approver, at from deploy_approvals where deploy_id = ? order by at")
                .param(v.id())
                .query((rs, n) ->
                        new Deploy.Approval(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
        List<Deploy.Transition> history = jdbc.sql(
                        "select status, at, actor, message from deploy_transitions where deploy_id = ? order by seq")
                .param(v.id())
                .query((rs, n) -> new Deploy.Transition(
                        DeployStatus.fromWire("status", rs.getString(1)),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4)))
                .list();
        return new Deploy(
                v.id(),
                v.app(),
                v.environment(),
                v.version(),
                v.previousVersion(),
                v.actor(),
                v.reason(),
                v.rollback(),
                v.status(),
                v.message(),
                v.deployer(),
                v.externalRef(),
                v.requiredApprovals(),
                approvals,
                history,
                v.createdAt(),
                v.updatedAt(),
                v.finishedAt());
    }

    private static Deploy view(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Deploy(
                rs.getString("id"),
                rs.getString("app"),
                rs.getString("env"),
                rs.getLong("version"),
                rs.getObject("previous_version") == null ? null : rs.getLong("previous_version"),
                rs.getString("actor"),
                DeployReason.fromWire(rs.getString("reason")),
                rs.getBoolean("rollback"),
                DeployStatus.fromWire("status", rs.getString("status")),
                rs.getString("message"),
                rs.getString("deployer_type"),
                rs.getString("external_ref"),
                rs.getInt("required_approvals"),
                List.of(),
                List.of(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private static DeployRow row(ResultSet rs, int n) throws SQLException {
        Timestamp deadline = rs.getTimestamp("deadline_at");
        return new DeployRow(
                rs.getString("id"),
                rs.getLong("app_id"),
                rs.getString("app"),
                rs.getLong("environment_id"),
                rs.getString("env"),
                rs.getLong("version"),
                rs.getString("actor"),
                DeployReason.fromWire(rs.getString("reason")),
                rs.getBoolean("rollback"),
                DeployStatus.fromWire("status", rs.getString("status")),
                rs.getInt("required_approvals"),
                rs.getString("deployer_type"),
                rs.getString("deployer_settings"),
                rs.getInt("attempts"),
                deadline == null ? null : deadline.toInstant());
    }
}
