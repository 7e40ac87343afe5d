package dev.catapult.runtime;

import dev.catapult.common.Sha256;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts one raw runtime event, in one transaction: archives it once (a redelivery is recognised and does
 * nothing), maps it to an app and environment (what the source says, else the image repository and the
 * cloud account), applies it to the instance or the rollout as core decides — stale and duplicate events
 * change nothing (I4) — records unexpected exits for crash-loop detection, and correlates it with the
 * deploy that caused it ({@link RuntimeCorrelation}). A message that can never be processed throws
 * {@link UnreadableEvent} before anything is written.
 */
@Service
public class RuntimeIntake {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, RuntimeEventReader> readers;
    private final RuntimeCorrelation correlation;

    RuntimeIntake(
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock,
            List<RuntimeEventReader> readers,
            RuntimeCorrelation correlation) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.readers = readers.stream()
                .collect(Collectors.toUnmodifiableMap(RuntimeEventReader::sourceType, Function.identity()));
        this.correlation = correlation;
    }

    /** What intake did with an event: {@code applied}, {@code duplicate}, {@code ignored} or {@code unchanged}. */
    public record Outcome(String eventId, String result, String detail) {}

    /** Reads a raw event the way {@code source}'s type is read; {@link UnreadableEvent} if it cannot be. */
    public RuntimeEvent read(RuntimeSourceRecord source, String rawEvent) {
        RuntimeEventReader reader = readers.get(source.type());
        if (reader == null) {
            throw new IllegalStateException("no reader for runtime sources of type " + source.type());
        }
        return reader.read(EventFields.object(json, rawEvent));
    }

    @Transactional
    public Outcome accept(RuntimeSourceRecord source, String rawEvent) {
        return record(source, rawEvent, read(source, rawEvent));
    }

    /**
     * Archives {@code event} (its raw form {@code rawEvent}) with what applying it did, unless it was archived
     * before. Two deliveries of one event racing each other may both apply it — harmless, applying is
     * idempotent (I4) — and only one is archived; the other answers {@code duplicate}. Writing the archive row
     * once, outcome included, keeps intake to one write of the (large) event body.
     */
    @Transactional
    public Outcome record(RuntimeSourceRecord source, String rawEvent, RuntimeEvent event) {
        String hash = Sha256.hex(rawEvent);
        boolean seen = jdbc.sql(
                        "select exists (select 1 from runtime_events where source_id = ? and event_id = ? and body_sha256 = ?)")
                .params(source.id(), event.id(), hash)
                .query(Boolean.class)
                .single();
        if (seen) {
            return new Outcome(event.id(), "duplicate", "event already received");
        }
        Outcome outcome = apply(source, event);
        int archived = jdbc.sql("""
        insert into runtime_events (source_id, event_id, body_sha256, detail_type, account, body, outcome, received_at)
        values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) on conflict do nothing
        """)
                .params(
                        source.id(),
                        event.id(),
                        hash,
                        event.detailType(),
                        event.account(),
                        rawEvent,
                        outcome.result() + ": " + outcome.detail(),
                        Timestamp.from(clock.instant()))
                .update();
        return archived == 1 ? outcome : new Outcome(event.id(), "duplicate", "event received concurrently");
    }

    /** Applies an event already in the archive (a replay) and notes the outcome there. */
    @Transactional
    public Outcome applyArchived(RuntimeSourceRecord source, long archivedId, RuntimeEvent event) {
        Outcome outcome = apply(source, event);
        jdbc.sql("update runtime_events set outcome = ? where id = ?")
                .params(outcome.result() + ": " + outcome.detail(), archivedId)
                .update();
        return outcome;
    }

    private Outcome apply(RuntimeSourceRecord source, RuntimeEvent event) {
        return switch (event) {
            case RuntimeEvent.Task t -> task(source, t);
            case RuntimeEvent.Deployment d -> deployment(source, d);
            case RuntimeEvent.Other o -> new Outcome(o.id(), "ignored", "not tracked: " + o.detailType());
        };
    }

    private Outcome task(RuntimeSourceRecord source, RuntimeEvent.Task event) {
        TaskObservation task = event.task();
        Optional<Instance> current = jdbc.sql("select * from instances where source_id = ? and task_arn = ? for update")
                .params(source.id(), task.taskArn())
                .query(RuntimeIntake::instance)
                .optional();
        return switch (InstanceTransition.apply(current, task, source.sidecars())) {
            case InstanceTransition.Outcome.Unchanged u -> new Outcome(event.id(), "unchanged", u.why());
            case InstanceTransition.Outcome.Changed c -> {
                Instance i = c.instance();
                Long env = environmentOf(event.placement().environment(), task.account());
                Long app = appOf(event.placement().app(), i.image().repository().value());
                String digest =
                        i.image().digest() == null ? null : i.image().digest().value();
                String deployId = correlation.deployOf(event.placement().deployId(), app, env, digest);
                // The version guard is repeated in SQL so that concurrent intake of the same task stays correct.
                int stored = jdbc.sql("""
            insert into instances (source_id, task_arn, account, environment_id, app_id, cluster_arn, service, container, repository,
              tag, digest, status, desired_status, stopped_reason, exit_code, deploy_id, version, started_at, updated_at, first_seen_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (source_id, task_arn) do update set environment_id = excluded.environment_id, app_id = excluded.app_id,
              service = excluded.service, container = excluded.container, repository = excluded.repository, tag = excluded.tag,
              digest = excluded.digest, status = excluded.status, desired_status = excluded.desired_status,
              stopped_reason = excluded.stopped_reason, exit_code = excluded.exit_code, deploy_id = excluded.deploy_id,
              version = excluded.version, started_at = excluded.started_at, updated_at = excluded.updated_at
            where instances.version < excluded.version
            """)
                        .params(
                                source.id(),
                                i.taskArn(),
                                task.account(),
                                env,
                                app,
                                task.clusterArn(),
                                i.service(),
                                i.container(),
                                i.image().repository().value(),
                                i.image().tag(),
                                digest,
                                i.status().wireName(),
                                i.desiredStatus(),
                                i.stoppedReason(),
                                i.exitCode(),
                                deployId,
                                i.version(),
                                ts(i.startedAt()),
                                ts(i.updatedAt()),
                                ts(clock.instant()))
                        .update();
                if (stored == 0) {
                    yield new Outcome(
                            event.id(), "unchanged", "a newer event for " + i.taskArn() + " was applied concurrently");
                }
                Optional<String> failure = CrashLoop.failure(i, task.stopCode());
                failure.ifPresent(reason -> jdbc.sql("""
            insert into instance_exits (source_id, task_arn, app_id, environment_id, digest, exit_code, reason, exited_at)
            values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
            """)
                        .params(source.id(), i.taskArn(), app, env, digest, i.exitCode(), reason, ts(i.updatedAt()))
                        .update());
                String correlated = correlation.instanceChanged(
                        source, i, app, env, deployId, event.placement().deployId() != null);
                yield new Outcome(
                        event.id(),
                        "applied",
                        i.taskArn() + " is " + i.status().wireName() + " (version " + i.version() + ")"
                                + failure.map(f -> "; unexpected exit: " + f).orElse("") + correlated);
            }
        };
    }

    private Outcome deployment(RuntimeSourceRecord source, RuntimeEvent.Deployment event) {
        DeploymentObservation d = event.deployment();
        Optional<Rollout> current = jdbc.sql(
                        "select * from rollouts where source_id = ? and deployment_id = ? for update")
                .params(source.id(), d.deploymentId())
                .query((rs, n) -> new Rollout(
                        rs.getString("deployment_id"),
                        rs.getString("service"),
                        RolloutState.valueOf(rs.getString("state").toUpperCase(java.util.Locale.ROOT)),
                        rs.getBoolean("rollback"),
                        rs.getString("reason"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
        Optional<Rollout> next = Rollout.apply(current, d);
        if (next.isEmpty()) {
            return new Outcome(event.id(), "unchanged", "rollout " + d.deploymentId() + " already knows this");
        }
        Rollout r = next.get();
        Long env = environmentOf(event.placement().environment(), d.account());
        jdbc.sql("""
        insert into rollouts (source_id, deployment_id, account, environment_id, service_arn, service, state, rollback, reason, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (source_id, deployment_id) do update set environment_id = excluded.environment_id, state = excluded.state,
          rollback = excluded.rollback, reason = excluded.reason, updated_at = excluded.updated_at
        """)
                .params(
                        source.id(),
                        r.deploymentId(),
                        d.account(),
                        env,
                        d.serviceArn(),
                        r.service(),
                        r.state().wireName(),
                        r.rollback(),
                        r.reason(),
                        ts(r.updatedAt()))
                .update();
        String correlated = correlation.rolloutChanged(
                source, r, env, appOf(event.placement().app(), null));
        return new Outcome(
                event.id(),
                "applied",
                "rollout " + r.deploymentId() + " is " + r.state().wireName() + (r.rollback() ? " (rollback)" : "")
                        + correlated);
    }

    /**
     * The environment the source names, else the one listing {@code account} (the lowest-ranked wins should
     * two list it); null when neither is known.
     */
    private @Nullable Long environmentOf(@Nullable String named, String account) {
        if (named != null) {
            return jdbc.sql("select id from environments where name = ?")
                    .param(named)
                    .query(Long.class)
                    .optional()
                    .orElse(null);
        }
        return jdbc.sql("select id from environments where ? = any(accounts) order by rank, name limit 1")
                .param(account)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /**
     * The app the source names, else the app whose image repository this is (apps are unique per repository
     * in practice; the oldest wins); null when neither is known. Archived apps are not running anything new.
     */
    private @Nullable Long appOf(@Nullable String named, @Nullable String repository) {
        if (named != null) {
            return jdbc.sql("select id from apps where name = ? and archived_at is null")
                    .param(named)
                    .query(Long.class)
                    .optional()
                    .orElse(null);
        }
        if (repository == null) {
            return null;
        }
        return jdbc.sql("select id from apps where image = ? and archived_at is null order by id limit 1")
                .param(repository)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private static Instance instance(ResultSet rs, int n) throws SQLException {
        String repo = rs.getString("repository");
        String tag = rs.getString("tag");
        String digest = rs.getString("digest");
        Integer exitCode = rs.getObject("exit_code", Integer.class);
        return new Instance(
                rs.getString("task_arn"),
                rs.getString("service"),
                rs.getString("container"),
                new RunningImage(
                        new dev.catapult.app.ImageRepository(repo),
                        tag,
                        digest == null ? null : new dev.catapult.release.Digest(digest)),
                InstanceStatus.parse("status", rs.getString("status")),
                rs.getString("desired_status"),
                rs.getString("stopped_reason"),
                exitCode,
                rs.getLong("version"),
                instant(rs.getTimestamp("started_at")),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
