package dev.catapult.runtime;

import dev.catapult.api.InstanceView;
import dev.catapult.api.RuntimeRolloutView;
import dev.catapult.api.WhatsRunningVersion;
import dev.catapult.api.WhatsRunningWhereEntry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of runtime tracking: instances, and what's running where — per app and environment the
 * images its present (not stopped) instances run, tied to the ledger's deploy of that digest when there is
 * one, and the latest rollout the runtime reported for the app's service.
 */
@Service
public class RuntimeQueries {
  private final JdbcClient jdbc;

  RuntimeQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public List<InstanceView> instances(@Nullable String app, @Nullable String environment, int limit) {
    return jdbc.sql("""
        select s.name source, i.*, a.name app, e.name environment from instances i
          join runtime_sources s on s.id = i.source_id
          left join apps a on a.id = i.app_id
          left join environments e on e.id = i.environment_id
        where (cast(? as text) is null or a.name = ?) and (cast(? as text) is null or e.name = ?)
        order by i.updated_at desc, i.task_arn limit ?
        """)
        .params(app, app, environment, environment, limit)
        .query((rs, n) -> new InstanceView(rs.getString("source"), rs.getString("task_arn"), rs.getString("app"),
            rs.getString("environment"), rs.getString("account"), rs.getString("service"), rs.getString("container"),
            rs.getString("repository"), rs.getString("tag"), rs.getString("digest"), rs.getString("status"),
            rs.getString("desired_status"), rs.getString("stopped_reason"), rs.getLong("version"), instant(rs.getTimestamp("started_at")),
            rs.getTimestamp("updated_at").toInstant()))
        .list();
  }

  private record Row(long appId, String app, long envId, String env, @Nullable String digest, @Nullable String tag, String status,
      Instant since, @Nullable String service) {}

  @Transactional(readOnly = true)
  public List<WhatsRunningWhereEntry> whatsRunningWhere(@Nullable String service) {
    List<Row> rows = jdbc.sql("""
        select a.id app_id, a.name app, e.id env_id, e.name env, i.digest, i.tag, i.status,
               coalesce(i.started_at, i.first_seen_at) since, i.service
        from instances i join apps a on a.id = i.app_id join environments e on e.id = i.environment_id
        where i.status <> 'stopped' and (cast(? as text) is null or a.name = ?)
        order by a.name, e.rank, e.name, since
        """)
        .params(service, service)
        .query((rs, n) -> new Row(rs.getLong("app_id"), rs.getString("app"), rs.getLong("env_id"), rs.getString("env"),
            rs.getString("digest"), rs.getString("tag"), rs.getString("status"), rs.getTimestamp("since").toInstant(),
            rs.getString("service")))
        .list();
    Map<String, List<Row>> byCell = new LinkedHashMap<>();
    for (Row r : rows) {
      byCell.computeIfAbsent(r.app() + "\n" + r.env(), k -> new ArrayList<>()).add(r);
    }
    List<WhatsRunningWhereEntry> entries = new ArrayList<>();
    for (List<Row> cell : byCell.values()) {
      entries.add(entry(cell));
    }
    return entries;
  }

  private WhatsRunningWhereEntry entry(List<Row> cell) {
    Row first = cell.getFirst();
    Map<String, List<Row>> byImage = new LinkedHashMap<>();
    Set<String> services = new LinkedHashSet<>();
    services.add(first.app());
    for (Row r : cell) {
      byImage.computeIfAbsent(r.digest() != null ? r.digest() : "tag:" + r.tag(), k -> new ArrayList<>()).add(r);
      if (r.service() != null) {
        services.add(r.service());
      }
    }
    List<WhatsRunningVersion> versions = new ArrayList<>();
    for (List<Row> image : byImage.values()) {
      Row r = image.getFirst();
      int running = (int) image.stream().filter(i -> i.status().equals("running")).count();
      Optional<Deployed> deployed = r.digest() == null ? Optional.empty() : deployed(r.appId(), r.envId(), r.digest());
      versions.add(new WhatsRunningVersion(r.digest(), r.tag(), deployed.map(Deployed::version).orElse(null),
          deployed.map(Deployed::actor).orElse(null), deployed.map(Deployed::id).orElse(null), r.since(), running, image.size() - running));
    }
    int running = versions.stream().mapToInt(WhatsRunningVersion::running).sum();
    int pending = versions.stream().mapToInt(WhatsRunningVersion::pending).sum();
    return new WhatsRunningWhereEntry(first.app(), first.env(), versions, running, pending,
        rollout(first.envId(), services).orElse(null));
  }

  private record Deployed(String id, String actor, long version) {}

  /** The ledger's latest deploy (succeeded or under way) of a release with this digest to this app/environment. */
  private Optional<Deployed> deployed(long appId, long envId, String digest) {
    return jdbc.sql("""
        select d.id, d.actor, d.version from deploys d join releases r on r.app_id = d.app_id and r.version = d.version
        where d.app_id = ? and d.environment_id = ? and d.status in ('succeeded', 'in_progress') and r.image like ?
        order by d.id desc limit 1
        """)
        .params(appId, envId, "%@" + digest)
        .query((rs, n) -> new Deployed(rs.getString("id"), rs.getString("actor"), rs.getLong("version")))
        .optional();
  }

  private Optional<RuntimeRolloutView> rollout(long envId, Set<String> services) {
    return jdbc.sql("""
        select * from rollouts where environment_id = ? and service = any(?) order by updated_at desc, deployment_id desc limit 1
        """)
        .params(envId, services.toArray(String[]::new))
        .query((rs, n) -> new RuntimeRolloutView(rs.getString("deployment_id"), rs.getString("service"), rs.getString("state"),
            rs.getBoolean("rollback"), rs.getString("reason"), rs.getTimestamp("updated_at").toInstant()))
        .optional();
  }

  private static @Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
