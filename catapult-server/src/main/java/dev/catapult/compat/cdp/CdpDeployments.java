package dev.catapult.compat.cdp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * cdp deployments from the ledger and the runtime. Each deploy is one deployment event; once runtime
 * instances are linked to it (SPEC §8), its status, instance count and instance come from them — RUNNING
 * while one of its instances runs, PENDING while they start, STOPPED once all stopped. What runs in an
 * environment comes from the runtime: per app and environment the image most of its present instances run.
 * For app/environment pairs no runtime source has ever reported on, the deploy that last succeeded there
 * stands in, as before; a pair whose instances all stopped drops out.
 */
@Service
class CdpDeployments implements CdpDeploymentSource {
    private static final String SELECT = """
      select d.id, e.name as env, e.rank, a.name as app, d.version, r.image_tag, r.image, a.image as app_image, d.actor,
             p.id as principal_id, d.updated_at, d.status, d.external_ref, (s.current_deploy_id = d.id) as current,
             rt.running, rt.starting, rt.instances, rt.task
      from deploys d
      join apps a on a.id = d.app_id
      join environments e on e.id = d.environment_id
      join releases r on r.app_id = d.app_id and r.version = d.version
      left join principals p on p.name = d.actor
      left join environment_state s on s.app_id = d.app_id and s.environment_id = d.environment_id
      left join lateral (
        select count(*) filter (where i.status = 'running') running, count(*) filter (where i.status not in ('running', 'stopped')) starting,
               count(*) instances, min(i.task_arn) filter (where i.status <> 'stopped') task
        from instances i where i.deploy_id = d.id) rt on true
      """;
    private final JdbcClient jdbc;

    CdpDeployments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CdpDeployment> latest(@Nullable String environment, int offset, int limit) {
        return jdbc.sql(SELECT + """
        where (cast(:env as text) is null or e.name = :env)
        order by d.updated_at desc, d.id desc offset :offset limit :limit
        """)
                .param("env", environment)
                .param("offset", offset)
                .param("limit", limit)
                .query(CdpDeployments::deployment)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CdpDeployment> find(String deploymentId) {
        return jdbc.sql(SELECT + " where d.id = ?")
                .param(deploymentId)
                .query(CdpDeployments::deployment)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CdpDeployment> running(@Nullable String service) {
        List<Cell> cells = new ArrayList<>(jdbc.sql("""
        with groups as (
          select i.app_id, i.environment_id, i.digest, min(i.tag) tag, min(i.repository) repository,
                 count(*) filter (where i.status = 'running') running, count(*) present,
                 max(coalesce(i.started_at, i.first_seen_at)) since, max(i.updated_at) updated,
                 (array_agg(i.deploy_id order by i.updated_at desc) filter (where i.deploy_id is not null))[1] deploy_id,
                 min(i.task_arn) task
          from instances i
          where i.status <> 'stopped' and i.app_id is not null and i.environment_id is not null
            and (cast(:app as text) is null or i.app_id = (select id from apps where name = :app))
          group by i.app_id, i.environment_id, i.digest),
        ranked as (
          select g.*, sum(g.running) over (partition by g.app_id, g.environment_id) cell_running,
                 row_number() over (partition by g.app_id, g.environment_id order by g.running desc, g.since desc, g.digest) n
          from groups g)
        select a.name app, e.name env, e.rank, r.tag, r.digest, r.repository, r.cell_running, r.since, r.updated, r.task, r.running,
               d.id deploy_id, d.version, d.actor, p.id principal_id
        from ranked r join apps a on a.id = r.app_id join environments e on e.id = r.environment_id
          left join deploys d on d.id = r.deploy_id left join principals p on p.name = d.actor
        where r.n = 1 and a.archived_at is null
        """)
                .param("app", service)
                .query((rs, n) -> {
                    String tag = rs.getString("tag");
                    String digest = rs.getString("digest");
                    String deployId = rs.getString("deploy_id");
                    String image = rs.getString("repository")
                            + (tag != null ? ":" + tag : "")
                            + (digest != null ? "@" + digest : "");
                    String version = tag != null
                            ? tag
                            : deployId != null
                                    ? Long.toString(rs.getLong("version"))
                                    : digest != null ? digest : "unknown";
                    return new Cell(
                            rs.getString("app"),
                            rs.getInt("rank"),
                            rs.getString("env"),
                            new CdpDeployment(
                                    deployId != null ? deployId : rs.getString("task"),
                                    rs.getString("env"),
                                    rs.getString("app"),
                                    version,
                                    rs.getString("actor"),
                                    rs.getString("principal_id"),
                                    rs.getTimestamp("updated").toInstant(),
                                    rs.getInt("running") > 0 ? "RUNNING" : "PENDING",
                                    image,
                                    rs.getString("task"),
                                    rs.getString("task"),
                                    rs.getInt("cell_running")));
                })
                .list());
        cells.addAll(jdbc.sql(SELECT + """
        where s.current_deploy_id = d.id and a.archived_at is null and (cast(:app as text) is null or a.name = :app)
          and not exists (select 1 from instances i where i.app_id = d.app_id and i.environment_id = d.environment_id)
        """)
                .param("app", service)
                .query((rs, n) ->
                        new Cell(rs.getString("app"), rs.getInt("rank"), rs.getString("env"), deployment(rs, n)))
                .list());
        cells.sort(Comparator.comparing(Cell::app).thenComparingInt(Cell::rank).thenComparing(Cell::environment));
        return cells.stream().map(Cell::deployment).toList();
    }

    private record Cell(String app, int rank, String environment, CdpDeployment deployment) {}

    /**
     * cdp showed ECS task states. A succeeded deploy is RUNNING while it is the environment's current one and
     * STOPPED once superseded; a cancelled one never ran, so it is STOPPED too.
     */
    static String status(String ledgerStatus, boolean current) {
        return switch (ledgerStatus) {
            case "pending_approval", "queued" -> "REQUESTED";
            case "in_progress" -> "PENDING";
            case "succeeded" -> current ? "RUNNING" : "STOPPED";
            case "failed" -> "FAILED";
            default -> "STOPPED";
        };
    }

    /** With runtime instances linked to the deploy, they decide its status; otherwise the ledger does. */
    static String status(String ledgerStatus, boolean current, long running, long starting, long instances) {
        if (instances == 0) {
            return status(ledgerStatus, current);
        }
        return running > 0 ? "RUNNING" : starting > 0 ? "PENDING" : "STOPPED";
    }

    private static CdpDeployment deployment(ResultSet rs, int n) throws SQLException {
        String tag = rs.getString("image_tag");
        String image = rs.getString("image");
        long instances = rs.getLong("instances");
        return new CdpDeployment(
                rs.getString("id"),
                rs.getString("env"),
                rs.getString("app"),
                tag != null ? tag : Long.toString(rs.getLong("version")),
                rs.getString("actor"),
                rs.getString("principal_id"),
                rs.getTimestamp("updated_at").toInstant(),
                status(
                        rs.getString("status"),
                        rs.getBoolean("current"),
                        rs.getLong("running"),
                        rs.getLong("starting"),
                        instances),
                image != null ? image : rs.getString("app_image"),
                rs.getString("external_ref"),
                rs.getString("task"),
                instances == 0 ? null : (int) rs.getLong("running"));
    }
}
