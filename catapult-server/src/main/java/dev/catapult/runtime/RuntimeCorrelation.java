package dev.catapult.runtime;

import dev.catapult.access.Actor;
import dev.catapult.deploy.DeployStatus;
import dev.catapult.deploy.Deployments;
import dev.catapult.deploy.StatusReport;
import dev.catapult.release.Digest;
import dev.catapult.release.ImageReference;
import dev.catapult.targets.DeployerSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ties runtime events to Catapult's own deploys. Every instance is linked to the deploy that put its image
 * there: the one the source names (Docker containers carry it in a label, webhook senders may send it),
 * else the ledger's latest deploy of a release with the instance's digest to that app and environment.
 *
 * <p>Deploys whose deployer leaves the work to someone else ({@code record} with {@code awaitReport}) are
 * completed from what the runtime reports; when, is core's {@link DeployCorrelation}. This class loads the
 * facts it needs (the deploy in progress, the instances running the service) and reports its verdict.
 */
@Component
class RuntimeCorrelation {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final Deployments deployments;
    private final JsonMapper json;

    RuntimeCorrelation(JdbcClient jdbc, Deployments deployments, JsonMapper json) {
        this.jdbc = jdbc;
        this.deployments = deployments;
        this.json = json;
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
        if (!namedBySource || deployId == null) {
            return "";
        }
        return DeployCorrelation.instanceChanged(
                        instance, true, inProgress(deployId, null, null).orElse(null))
                .map(verdict -> report(source, verdict))
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
            Optional<AwaitedDeploy> deploy = inProgress(null, app, env);
            if (deploy.isEmpty()) {
                continue;
            }
            List<@Nullable Digest> running = jdbc
                    .sql("""
          select digest from instances where environment_id = ? and app_id = ? and service = ? and status = 'running'
          """)
                    .params(env, app, rollout.service())
                    // Optional: a row mapper may not answer null; an instance whose digest is unknown stays in the
                    // list.
                    .query((rs, n) -> Optional.ofNullable(rs.getString(1)).map(Digest::new))
                    .list()
                    .stream()
                    .map(d -> d.orElse(null))
                    .toList();
            DeployCorrelation.rolloutChanged(rollout, deploy.get(), running)
                    .ifPresent(verdict -> said.append(report(source, verdict)));
        }
        return said.toString();
    }

    /**
     * The in-progress deploy by id, or of an app in an environment, locked so that its outcome is reported
     * once; with what its deployer and release say.
     */
    private Optional<AwaitedDeploy> inProgress(@Nullable String id, @Nullable Long app, @Nullable Long env) {
        return jdbc.sql("""
        select d.id, d.status, d.deployer_settings, r.image from deploys d
        join releases r on r.app_id = d.app_id and r.version = d.version
        where d.status = 'in_progress'
          and (cast(? as text) is null or d.id = ?) and (cast(? as bigint) is null or (d.app_id = ? and d.environment_id = ?))
        for update of d
        """)
                .params(id, id, app, app, env)
                .query((rs, n) -> {
                    String image = rs.getString("image");
                    return new AwaitedDeploy(
                            rs.getString("id"),
                            DeployStatus.fromWire("status", rs.getString("status")),
                            DeployerSpec.parse(json.readValue(rs.getString("deployer_settings"), MAP))
                                            instanceof DeployerSpec.Record r
                                    && r.awaitReport(),
                            image == null
                                    ? null
                                    : ImageReference.parse("image", image)
                                            .pinned()
                                            .orElse(null));
                })
                .optional();
    }

    private String report(RuntimeSourceRecord source, RuntimeVerdict verdict) {
        deployments.report(
                Actor.system("runtime:" + source.name()),
                verdict.deployId(),
                StatusReport.of(verdict.status(), verdict.message()));
        return "; deploy " + verdict.deployId() + " " + verdict.status().wireName();
    }
}
