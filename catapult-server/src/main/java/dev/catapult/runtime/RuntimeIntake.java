package dev.catapult.runtime;

import dev.catapult.common.Sha256;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts one raw runtime event, in one transaction: archives it once (a redelivery is recognised and does
 * nothing), maps its cloud account to an environment and its service container's image repository to an
 * app, and applies it to the task's instance or the service's rollout as core decides — stale and
 * duplicate events change nothing (I4). A message that can never be processed throws
 * {@link UnreadableEvent} before anything is written.
 */
@Service
public class RuntimeIntake {
  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  RuntimeIntake(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** What intake did with an event: {@code applied}, {@code duplicate}, {@code ignored} or {@code unchanged}. */
  public record Outcome(String eventId, String result, String detail) {}

  @Transactional
  public Outcome accept(RuntimeSourceRecord source, String rawEvent) {
    JsonNode tree = EcsEvents.tree(json, rawEvent);
    EcsEvents.Parsed event = EcsEvents.parse(tree);
    Instant now = clock.instant();
    Optional<Long> archived = jdbc.sql("""
        insert into runtime_events (source_id, event_id, body_sha256, detail_type, account, body, outcome, received_at)
        values (?, ?, ?, ?, ?, cast(? as jsonb), 'received', ?) on conflict do nothing returning id
        """)
        .params(source.id(), event.id(), Sha256.hex(rawEvent), event.detailType(), event.account(), rawEvent, Timestamp.from(now))
        .query(Long.class).optional();
    if (archived.isEmpty()) {
      return new Outcome(event.id(), "duplicate", "event already received");
    }
    Outcome outcome = switch (event) {
      case EcsEvents.Parsed.Task t -> task(source, t, now);
      case EcsEvents.Parsed.Deployment d -> deployment(source, d);
      case EcsEvents.Parsed.Other o -> new Outcome(o.id(), "ignored", "not tracked: " + o.detailType());
    };
    jdbc.sql("update runtime_events set outcome = ? where id = ?")
        .params(outcome.result() + ": " + outcome.detail(), archived.get()).update();
    return outcome;
  }

  private Outcome task(RuntimeSourceRecord source, EcsEvents.Parsed.Task event, Instant now) {
    TaskObservation task = event.task();
    Optional<Instance> current = jdbc.sql("select * from instances where source_id = ? and task_arn = ? for update")
        .params(source.id(), task.taskArn()).query(RuntimeIntake::instance).optional();
    return switch (InstanceTransition.apply(current, task, source.sidecars())) {
      case InstanceTransition.Outcome.Unchanged u -> new Outcome(event.id(), "unchanged", u.why());
      case InstanceTransition.Outcome.Changed c -> {
        Instance i = c.instance();
        // The version guard is repeated in SQL so that concurrent intake of the same task stays correct.
        jdbc.sql("""
            insert into instances (source_id, task_arn, account, environment_id, app_id, cluster_arn, service, container, repository,
              tag, digest, status, desired_status, stopped_reason, version, started_at, updated_at, first_seen_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (source_id, task_arn) do update set environment_id = excluded.environment_id, app_id = excluded.app_id,
              service = excluded.service, container = excluded.container, repository = excluded.repository, tag = excluded.tag,
              digest = excluded.digest, status = excluded.status, desired_status = excluded.desired_status,
              stopped_reason = excluded.stopped_reason, version = excluded.version, started_at = excluded.started_at,
              updated_at = excluded.updated_at
            where instances.version < excluded.version
            """)
            .params(source.id(), i.taskArn(), task.account(), environmentOf(task.account()), appOf(i.image().repository().value()),
                task.clusterArn(), i.service(), i.container(), i.image().repository().value(), i.image().tag(),
                i.image().digest() == null ? null : i.image().digest().value(), i.status().wireName(), i.desiredStatus(),
                i.stoppedReason(), i.version(), ts(i.startedAt()), ts(i.updatedAt()), ts(now))
            .update();
        yield new Outcome(event.id(), "applied", i.taskArn() + " is " + i.status().wireName() + " (version " + i.version() + ")");
      }
    };
  }

  private Outcome deployment(RuntimeSourceRecord source, EcsEvents.Parsed.Deployment event) {
    DeploymentObservation d = event.deployment();
    Optional<Rollout> current = jdbc.sql("select * from rollouts where source_id = ? and deployment_id = ? for update")
        .params(source.id(), d.deploymentId())
        .query((rs, n) -> new Rollout(rs.getString("deployment_id"), rs.getString("service"),
            RolloutState.valueOf(rs.getString("state").toUpperCase(java.util.Locale.ROOT)), rs.getBoolean("rollback"),
            rs.getString("reason"), rs.getTimestamp("updated_at").toInstant()))
        .optional();
    Optional<Rollout> next = Rollout.apply(current, d);
    if (next.isEmpty()) {
      return new Outcome(event.id(), "unchanged", "rollout " + d.deploymentId() + " already knows this");
    }
    Rollout r = next.get();
    jdbc.sql("""
        insert into rollouts (source_id, deployment_id, account, environment_id, service_arn, service, state, rollback, reason, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (source_id, deployment_id) do update set environment_id = excluded.environment_id, state = excluded.state,
          rollback = excluded.rollback, reason = excluded.reason, updated_at = excluded.updated_at
        """)
        .params(source.id(), r.deploymentId(), d.account(), environmentOf(d.account()), d.serviceArn(), r.service(),
            r.state().wireName(), r.rollback(), r.reason(), ts(r.updatedAt()))
        .update();
    return new Outcome(event.id(), "applied", "rollout " + r.deploymentId() + " is " + r.state().wireName() + (r.rollback() ? " (rollback)" : ""));
  }

  /** The environment listing {@code account}; the lowest-ranked wins should two list it. */
  private @Nullable Long environmentOf(String account) {
    return jdbc.sql("select id from environments where ? = any(accounts) order by rank, name limit 1")
        .param(account).query(Long.class).optional().orElse(null);
  }

  /** The app whose image repository this is (apps are unique per repository in practice; the oldest wins). */
  private @Nullable Long appOf(String repository) {
    return jdbc.sql("select id from apps where image = ? and archived_at is null order by id limit 1")
        .param(repository).query(Long.class).optional().orElse(null);
  }

  private static Instance instance(ResultSet rs, int n) throws SQLException {
    String repo = rs.getString("repository");
    String tag = rs.getString("tag");
    String digest = rs.getString("digest");
    return new Instance(rs.getString("task_arn"), rs.getString("service"), rs.getString("container"),
        new RunningImage(new dev.catapult.app.ImageRepository(repo), tag, digest == null ? null : new dev.catapult.release.Digest(digest)),
        InstanceStatus.parse("status", rs.getString("status")), rs.getString("desired_status"), rs.getString("stopped_reason"),
        rs.getLong("version"), instant(rs.getTimestamp("started_at")), rs.getTimestamp("updated_at").toInstant());
  }

  private static @Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static @Nullable Timestamp ts(@Nullable Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
