package dev.catapult.runtime;

import dev.catapult.access.Actor;
import dev.catapult.api.DeployStatusReport;
import dev.catapult.deploy.Deployments;
import dev.catapult.release.Digest;
import dev.catapult.release.ImageReference;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ties runtime events to Catapult's own deploys. Every instance is linked to the deploy that put its image
 * there: the one the source names (Docker containers carry it in a label, webhook senders may send it),
 * else the ledger's latest deploy of a release with the instance's digest to that app and environment.
 *
 * <p>Deploys whose deployer leaves the work to someone else ({@code record} with {@code awaitReport}:
 * an external pipeline deploys and Catapult waits) are completed from what the runtime reports, so they do
 * not sit "requested" until their deadline: a completed rollout of the app's service whose running
 * instances all run the deploy's digest succeeds it, a failed rollout (or a circuit-breaker rollback) fails
 * it with the runtime's reason, and an instance the source says came from the deploy succeeds it once it
 * runs the deploy's digest. What the runtime never reports still fails at the deploy's deadline.
 */
@Component
class RuntimeCorrelation {
    private final JdbcClient jdbc;
    private final Deployments deployments;

    RuntimeCorrelation(JdbcClient jdbc, Deployments deployments) {
        this.jdbc = jdbc;
        this.deployments = deployments;
    }

    /** The deploy an instance running {@code digest} came from, or null when the ledger has none. */
    @Nullable
    String deployOf(@Nullable String named, @Nullable Long app, @Nullable Long env, @Nullable String digest) {
        if (named != null) {
            Optional<String> known = jdbc.sql(
                            "select id from deploys where id = ? and (cast(? as bigint) is null or app_id = ?)")
                    .params(named, app, app)
                    .query(String.class)
                    .optional();
            if (known.isPresent()) {
                return known.get();
            }
        }
        if (app == null || env == null || digest == null) {
            return null;
        }
        return jdbc.sql("""
        select d.id from deploys d join releases r on r.app_id = d.app_id and r.version = d.version
        where d.app_id = ? and d.environment_id = ? and d.status in ('succeeded', 'in_progress') and r.image like ?
        order by d.created_at desc, d.id desc limit 1
        """)
                .params(app, env, "%@" + digest)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** After an instance changed: completes the awaiting deploy the source says it came from, once it runs. */
    String instanceChanged(
            RuntimeSourceRecord source,
            Instance instance,
            @Nullable Long app,
            @Nullable Long env,
            @Nullable String deployId,
            boolean namedBySource) {
        if (!namedBySource
                || deployId == null
                || instance.status() != InstanceStatus.RUNNING
                || instance.image().digest() == null) {
            return "";
        }
        String digest = instance.image().digest().value();
        return awaiting(deployId, null, null)
                .filter(d -> digest.equals(d.digest()))
                .map(d -> report(source, d, "succeeded", "runtime: " + instance.taskArn() + " runs " + d.digest()))
                .orElse("");
    }

    /** After a rollout changed: completes or fails the awaiting deploy of each app the service runs. */
    String rolloutChanged(RuntimeSourceRecord source, Rollout rollout, @Nullable Long env, @Nullable Long namedApp) {
        if (env == null || !rollout.state().isTerminal()) {
            return "";
        }
        List<Long> apps = namedApp != null
                ? List.of(namedApp)
                : jdbc.sql("""
        select distinct app_id from instances where environment_id = ? and service = ? and app_id is not null and status <> 'stopped'
        union select id from apps where name = ? and archived_at is null
        """)
                        .params(env, rollout.service(), rollout.service())
                        .query(Long.class)
                        .list();
        StringBuilder said = new StringBuilder();
        for (long app : apps) {
            Optional<Awaiting> awaiting = awaiting(null, app, env);
            if (awaiting.isEmpty()) {
                continue;
            }
            Awaiting d = awaiting.get();
            if (rollout.state() == RolloutState.FAILED || rollout.rollback()) {
                said.append(report(
                        source,
                        d,
                        "failed",
                        "runtime: rollout " + rollout.deploymentId()
                                + (rollout.rollback() ? " was rolled back" : " failed")
                                + (rollout.reason().isEmpty() ? "" : ": " + rollout.reason())));
                continue;
            }
            List<String> running = jdbc.sql("""
          select distinct coalesce(digest, '') from instances
          where environment_id = ? and app_id = ? and service = ? and status = 'running'
          """)
                    .params(env, app, rollout.service())
                    .query(String.class)
                    .list();
            if (running.equals(List.of(d.digest()))) {
                said.append(report(
                        source,
                        d,
                        "succeeded",
                        "runtime: rollout " + rollout.deploymentId() + " completed; every instance runs "
                                + d.digest()));
            }
        }
        return said.toString();
    }

    private record Awaiting(String id, @Nullable String digest) {}

    /** The in-progress deploy waiting for an external report, by id or by app and environment, locked. */
    private Optional<Awaiting> awaiting(@Nullable String id, @Nullable Long app, @Nullable Long env) {
        return jdbc.sql("""
        select d.id, r.image from deploys d join releases r on r.app_id = d.app_id and r.version = d.version
        where d.status = 'in_progress' and d.deployer_type = 'record' and (d.deployer_settings ->> 'awaitReport') = 'true'
          and (cast(? as text) is null or d.id = ?) and (cast(? as bigint) is null or (d.app_id = ? and d.environment_id = ?))
        for update of d
        """)
                .params(id, id, app, app, env)
                .query((rs, n) -> {
                    String image = rs.getString("image");
                    return new Awaiting(
                            rs.getString("id"),
                            image == null
                                    ? null
                                    : ImageReference.parse("image", image)
                                            .pinned()
                                            .map(Digest::value)
                                            .orElse(null));
                })
                .optional();
    }

    private String report(RuntimeSourceRecord source, Awaiting d, String status, String message) {
        deployments.report(
                Actor.system("runtime:" + source.name()), d.id(), new DeployStatusReport(status, message, null));
        return "; deploy " + d.id() + " " + status;
    }
}
