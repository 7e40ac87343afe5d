package dev.catapult.deploy;

import dev.catapult.api.DeployView;
import dev.catapult.common.NotFound;
import dev.catapult.notify.Notifications;
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

/** SQL for deploys: rows, transitions, approvals, the per-environment state, and the API view. */
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

    /** Moves a deploy to {@code status}, records the transition, and, for terminal states, its finish. */
    void transition(
            String id,
            DeployStatus status,
            Instant at,
            String actor,
            @Nullable String message,
            @Nullable String externalRef) {
        jdbc.sql("""
        update deploys set status = ?, message = coalesce(?, message), external_ref = coalesce(?, external_ref), updated_at = ?,
          finished_at = case when ? then ? else finished_at end,
          lease_owner = case when ? then null else lease_owner end, lease_until = case when ? then null else lease_until end
        where id = ?
        """)
                .params(
                        status.wireName(),
                        message,
                        externalRef,
                        Timestamp.from(at),
                        status.isTerminal(),
                        Timestamp.from(at),
                        status.isTerminal(),
                        status.isTerminal(),
                        id)
                .update();
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

    /** Ensures and locks the environment-state row of an app in an environment; returns the running version. */
    @Nullable
    Running lockEnvironmentState(long appId, long environmentId) {
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
        return new Running(version.getAsLong(), commit);
    }

    /** The version running (last succeeded) and its commit. */
    record Running(long version, String commit) {}

    Set<String> approvers(String id) {
        return new HashSet<>(jdbc.sql("select approver from deploy_approvals where deploy_id = ?")
                .param(id)
                .query(String.class)
                .list());
    }

    DeployView view(String id) {
        DeployView base = jdbc.sql("""
        select d.*, a.name as app, e.name as env from deploys d join apps a on a.id = d.app_id
        join environments e on e.id = d.environment_id where d.id = ?
        """)
                .param(id)
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> new NotFound("deploy '" + id + "' not found"));
        return withDetails(base);
    }

    List<DeployView> list(
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

    private DeployView withDetails(DeployView v) {
        List<DeployView.Approval> approvals = jdbc.sql(
                        "select approver, at from deploy_approvals where deploy_id = ? order by at")
                .param(v.id())
                .query((rs, n) -> new DeployView.Approval(
                        rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
        List<DeployView.Transition> history = jdbc.sql(
                        "select status, at, actor, message from deploy_transitions where deploy_id = ? order by seq")
                .param(v.id())
                .query((rs, n) -> new DeployView.Transition(
                        rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .list();
        return new DeployView(
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

    private static DeployView view(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new DeployView(
                rs.getString("id"),
                rs.getString("app"),
                rs.getString("env"),
                rs.getLong("version"),
                rs.getObject("previous_version") == null ? null : rs.getLong("previous_version"),
                rs.getString("actor"),
                rs.getString("reason"),
                rs.getBoolean("rollback"),
                rs.getString("status"),
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
