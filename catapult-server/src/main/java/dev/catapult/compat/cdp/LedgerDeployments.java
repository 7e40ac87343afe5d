package dev.catapult.compat.cdp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * cdp deployments from the ledger: each deploy is one event, and what runs in an environment is the deploy
 * that last succeeded there. The ledger knows no instances, so instance fields stay empty until runtime
 * events (SPEC §8) feed a source that knows them.
 */
@Service
class LedgerDeployments implements CdpDeploymentSource {
  private static final String SELECT = """
      select d.id, e.name as env, a.name as app, d.version, r.image_tag, r.image, a.image as app_image, d.actor,
             p.id as principal_id, d.updated_at, d.status, d.external_ref, (s.current_deploy_id = d.id) as current
      from deploys d
      join apps a on a.id = d.app_id
      join environments e on e.id = d.environment_id
      join releases r on r.app_id = d.app_id and r.version = d.version
      left join principals p on p.name = d.actor
      left join environment_state s on s.app_id = d.app_id and s.environment_id = d.environment_id
      """;
  private final JdbcClient jdbc;

  LedgerDeployments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public List<CdpDeployment> latest(@Nullable String environment, int offset, int limit) {
    return jdbc.sql(SELECT + """
        where (cast(:env as text) is null or e.name = :env)
        order by d.updated_at desc, d.id desc offset :offset limit :limit
        """).param("env", environment).param("offset", offset).param("limit", limit).query(LedgerDeployments::deployment).list();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<CdpDeployment> find(String deploymentId) {
    return jdbc.sql(SELECT + " where d.id = ?").param(deploymentId).query(LedgerDeployments::deployment).optional();
  }

  @Override
  @Transactional(readOnly = true)
  public List<CdpDeployment> running(@Nullable String service) {
    return jdbc.sql(SELECT + """
        where s.current_deploy_id = d.id and a.archived_at is null and (cast(:app as text) is null or a.name = :app)
        order by a.name, e.rank, e.name
        """).param("app", service).query(LedgerDeployments::deployment).list();
  }

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

  private static CdpDeployment deployment(ResultSet rs, int n) throws SQLException {
    String tag = rs.getString("image_tag");
    String image = rs.getString("image");
    return new CdpDeployment(rs.getString("id"), rs.getString("env"), rs.getString("app"),
        tag != null ? tag : Long.toString(rs.getLong("version")), rs.getString("actor"), rs.getString("principal_id"),
        rs.getTimestamp("updated_at").toInstant(), status(rs.getString("status"), rs.getBoolean("current")),
        image != null ? image : rs.getString("app_image"), rs.getString("external_ref"), null, null);
  }
}
