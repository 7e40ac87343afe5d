package dev.catapult.runtime;

import dev.catapult.api.InstanceView;
import dev.catapult.api.Page;
import dev.catapult.api.RuntimeRolloutView;
import dev.catapult.api.WhatsRunningVersion;
import dev.catapult.api.WhatsRunningWhereEntry;
import dev.catapult.common.InvalidInput;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.Slice;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of runtime tracking: instances, and what's running where — per app and environment the
 * images its present (not stopped) instances run, tied to the deploy that put each there, the latest
 * rollout the runtime reported for the app's service, and whether it is crash-looping.
 *
 * <p>What's running where is paged by entry (app by name, then environment by rank) and built with a
 * fixed number of set-based queries per page, whatever the number of apps, environments or archived
 * events: the page's cells (apps in name order, each probed for present instances on the partial index),
 * their present instances grouped by image, the deploys they link to, the latest rollout per environment
 * and service, and recent exits.
 */
@Service
public class RuntimeQueries {
    private final JdbcClient jdbc;
    private final Clock clock;

    RuntimeQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Instances newest change first; {@code status} filters by one status ({@code running}, {@code stopped}, …). */
    @Transactional(readOnly = true)
    public Page<InstanceView> instances(
            @Nullable String app, @Nullable String environment, @Nullable String status, PageRequest page) {
        if (status != null) {
            InstanceStatus.parse("status", status);
        }
        InstanceCursor after = InstanceCursor.parse(page.after());
        List<InstanceRow> rows = jdbc.sql("""
        select s.name source, i.*, a.name app, e.name environment from instances i
          join runtime_sources s on s.id = i.source_id
          left join apps a on a.id = i.app_id
          left join environments e on e.id = i.environment_id
        where (cast(:app as text) is null or a.name = :app) and (cast(:env as text) is null or e.name = :env)
          and (cast(:status as text) is null or i.status = lower(:status))
          and (cast(:at as timestamptz) is null or (i.updated_at, i.source_id, i.task_arn) < (:at, :source, :task))
        order by i.updated_at desc, i.source_id desc, i.task_arn desc limit :limit
        """)
                .param("app", app)
                .param("env", environment)
                .param("status", status)
                .param("at", after == null ? null : Timestamp.from(after.updatedAt()))
                .param("source", after == null ? 0 : after.sourceId())
                .param("task", after == null ? "" : after.taskArn())
                .param("limit", page.limit() + 1)
                .query((rs, n) -> new InstanceRow(
                        rs.getLong("source_id"),
                        new InstanceView(
                                rs.getString("source"),
                                rs.getString("task_arn"),
                                rs.getString("app"),
                                rs.getString("environment"),
                                rs.getString("account"),
                                rs.getString("service"),
                                rs.getString("container"),
                                rs.getString("repository"),
                                rs.getString("tag"),
                                rs.getString("digest"),
                                rs.getString("status"),
                                rs.getString("desired_status"),
                                rs.getString("stopped_reason"),
                                rs.getLong("version"),
                                instant(rs.getTimestamp("started_at")),
                                rs.getTimestamp("updated_at").toInstant(),
                                rs.getObject("exit_code", Integer.class),
                                rs.getString("deploy_id"))))
                .list();
        Slice<InstanceRow> fetched = page.page(
                rows,
                r -> r.view().updatedAt() + "\n" + r.sourceId() + "\n"
                        + r.view().taskArn());
        return new Page<>(fetched.items().stream().map(InstanceRow::view).toList(), fetched.nextCursor());
    }

    /** An instance as listed, with its source's id for the cursor. */
    private record InstanceRow(long sourceId, InstanceView view) {}

    private record InstanceCursor(Instant updatedAt, long sourceId, String taskArn) {
        static @Nullable InstanceCursor parse(@Nullable String key) {
            if (key == null) {
                return null;
            }
            String[] parts = key.split("\n", 3);
            try {
                return new InstanceCursor(Instant.parse(parts[0]), Long.parseLong(parts[1]), parts[2]);
            } catch (DateTimeParseException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new InvalidInput("cursor", "is not a cursor for this list");
            }
        }
    }

    /** One group of present instances: an app, an environment and an image. */
    private record Group(
            long appId,
            String app,
            long envId,
            String env,
            int rank,
            @Nullable String digest,
            @Nullable String tag,
            int running,
            int pending,
            Instant since,
            @Nullable String deployId,
            List<String> services) {}

    /** One app in one environment on a page, in page order. */
    private record Cell(long appId, String app, long envId, String env, int rank) {
        String key() {
            return appId + "/" + envId;
        }
    }

    /** What's running where, a page of app/environment entries (apps by name, then environments by rank). */
    @Transactional(readOnly = true)
    public Page<WhatsRunningWhereEntry> whatsRunningWhere(@Nullable String service, PageRequest page) {
        CellCursor after = CellCursor.parse(page.after());
        List<Cell> fetched = jdbc.sql("""
        select a.id app_id, a.name app, e.id env_id, e.name env, e.rank from apps a cross join environments e
        where a.archived_at is null and (cast(:app as text) is null or a.name = :app)
          and (cast(:after as text) is null or (a.name >= :after and (a.name, e.rank, e.name) > (:after, :rank, :env)))
          and exists (select 1 from instances i where i.app_id = a.id and i.environment_id = e.id and i.status <> 'stopped')
        order by a.name, e.rank, e.name limit :limit
        """)
                .param("app", service)
                .param("after", after == null ? null : after.app())
                .param("rank", after == null ? 0 : after.rank())
                .param("env", after == null ? "" : after.env())
                .param("limit", page.limit() + 1)
                .query((rs, n) -> new Cell(
                        rs.getLong("app_id"),
                        rs.getString("app"),
                        rs.getLong("env_id"),
                        rs.getString("env"),
                        rs.getInt("rank")))
                .list();
        boolean more = fetched.size() > page.limit();
        List<Cell> cells = more ? fetched.subList(0, page.limit()) : fetched;
        if (cells.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Map<String, Cell> byKey = new LinkedHashMap<>();
        cells.forEach(c -> byKey.put(c.key(), c));
        Long[] appIds = cells.stream().map(Cell::appId).distinct().toArray(Long[]::new);
        Long[] envIds = cells.stream().map(Cell::envId).distinct().toArray(Long[]::new);
        // Grouped without joins (names come from the page's cells): the aggregate is the page's cost. The
        // apps × environments it reads may include cells of the next page; those are dropped here.
        // Deploy ids are ULIDs, so the greatest is the newest deploy linked to that image.
        List<Group> groups = new ArrayList<>();
        jdbc.sql("""
        select i.app_id, i.environment_id, i.digest, min(i.tag) tag,
               count(*) filter (where i.status = 'running') running, count(*) filter (where i.status <> 'running') pending,
               min(coalesce(i.started_at, i.first_seen_at)) since, max(i.deploy_id) deploy_id,
               min(i.service) service, max(i.service) other_service
        from instances i
        where i.app_id = any(?) and i.environment_id = any(?) and i.status <> 'stopped'
        group by i.app_id, i.environment_id, i.digest
        """).params(appIds, envIds).query(rs -> {
            Cell c = byKey.get(rs.getLong("app_id") + "/" + rs.getLong("environment_id"));
            if (c != null) {
                groups.add(new Group(
                        c.appId(),
                        c.app(),
                        c.envId(),
                        c.env(),
                        c.rank(),
                        rs.getString("digest"),
                        rs.getString("tag"),
                        rs.getInt("running"),
                        rs.getInt("pending"),
                        rs.getTimestamp("since").toInstant(),
                        rs.getString("deploy_id"),
                        services(rs.getString("service"), rs.getString("other_service"))));
            }
        });
        Map<String, Integer> order = new HashMap<>();
        cells.forEach(c -> order.put(c.key(), order.size()));
        groups.sort(Comparator.comparingInt((Group g) -> order.get(g.appId() + "/" + g.envId()))
                .thenComparing(Group::since)
                .thenComparing(g -> g.digest() == null ? "" : g.digest()));
        Map<String, Deployed> deploys = deploys(groups);
        Map<String, RuntimeRolloutView> rollouts = rollouts(groups);
        Map<String, Integer> failures = failures(appIds);

        Map<String, List<Group>> byCell = new LinkedHashMap<>();
        for (Group g : groups) {
            byCell.computeIfAbsent(g.appId() + "/" + g.envId(), k -> new ArrayList<>())
                    .add(g);
        }
        List<WhatsRunningWhereEntry> entries = new ArrayList<>();
        for (List<Group> cell : byCell.values()) {
            Group first = cell.getFirst();
            List<WhatsRunningVersion> versions = new ArrayList<>();
            Set<String> services = new LinkedHashSet<>();
            services.add(first.app());
            for (Group g : cell) {
                Deployed d = g.deployId() == null ? null : deploys.get(g.deployId());
                versions.add(new WhatsRunningVersion(
                        g.digest(),
                        g.tag(),
                        d == null ? null : d.version(),
                        d == null ? null : d.actor(),
                        g.deployId(),
                        g.since(),
                        g.running(),
                        g.pending()));
                services.addAll(g.services());
            }
            RuntimeRolloutView rollout = null;
            for (String s : services) {
                RuntimeRolloutView r = rollouts.get(first.envId() + "/" + s);
                if (r != null && (rollout == null || r.updatedAt().isAfter(rollout.updatedAt()))) {
                    rollout = r;
                }
            }
            int recent = failures.getOrDefault(first.appId() + "/" + first.envId(), 0);
            entries.add(new WhatsRunningWhereEntry(
                    first.app(),
                    first.env(),
                    versions,
                    cell.stream().mapToInt(Group::running).sum(),
                    cell.stream().mapToInt(Group::pending).sum(),
                    CrashLoop.unstable(recent),
                    recent,
                    rollout));
        }
        Cell last = cells.getLast();
        String next = more ? PageRequest.encode(last.app() + "\n" + last.rank() + "\n" + last.env()) : null;
        return new Page<>(entries, next);
    }

    private record CellCursor(String app, int rank, String env) {
        static @Nullable CellCursor parse(@Nullable String key) {
            if (key == null) {
                return null;
            }
            String[] parts = key.split("\n", 3);
            try {
                return new CellCursor(parts[0], Integer.parseInt(parts[1]), parts[2]);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new InvalidInput("cursor", "is not a cursor for this list");
            }
        }
    }

    /**
     * The services an image group's instances belong to: its least and greatest service names (an app's
     * instances in one environment belong to one service, or two while a service is being renamed).
     */
    private static List<String> services(@Nullable String least, @Nullable String greatest) {
        if (least == null) {
            return List.of();
        }
        return greatest == null || greatest.equals(least) ? List.of(least) : List.of(least, greatest);
    }

    private record Deployed(long version, String actor) {}

    private Map<String, Deployed> deploys(List<Group> groups) {
        String[] ids = groups.stream()
                .map(Group::deployId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toArray(String[]::new);
        Map<String, Deployed> out = new HashMap<>();
        if (ids.length > 0) {
            jdbc.sql("select id, version, actor from deploys where id = any(?)")
                    .param(ids)
                    .query(rs -> {
                        out.put(rs.getString("id"), new Deployed(rs.getLong("version"), rs.getString("actor")));
                    });
        }
        return out;
    }

    /** The latest rollout per environment and service among the page's environments and services. */
    private Map<String, RuntimeRolloutView> rollouts(List<Group> groups) {
        Set<Long> envs = new LinkedHashSet<>();
        Set<String> services = new LinkedHashSet<>();
        for (Group g : groups) {
            envs.add(g.envId());
            services.add(g.app());
            services.addAll(g.services());
        }
        Map<String, RuntimeRolloutView> out = new HashMap<>();
        jdbc.sql("""
        select distinct on (environment_id, service) * from rollouts
        where environment_id = any(?) and service = any(?)
        order by environment_id, service, updated_at desc, deployment_id desc
        """)
                .params(envs.toArray(Long[]::new), services.toArray(String[]::new))
                .query(rs -> {
                    out.put(
                            rs.getLong("environment_id") + "/" + rs.getString("service"),
                            new RuntimeRolloutView(
                                    rs.getString("deployment_id"),
                                    rs.getString("service"),
                                    rs.getString("state"),
                                    rs.getBoolean("rollback"),
                                    rs.getString("reason"),
                                    rs.getTimestamp("updated_at").toInstant()));
                });
        return out;
    }

    /** Unexpected exits within the crash-loop window, per app and environment. */
    private Map<String, Integer> failures(Long[] appIds) {
        Map<String, Integer> out = new HashMap<>();
        jdbc.sql("""
        select app_id, environment_id, count(*) n from instance_exits
        where app_id = any(?) and environment_id is not null and exited_at > ? group by app_id, environment_id
        """)
                .params(appIds, Timestamp.from(clock.instant().minus(CrashLoop.WINDOW)))
                .query(rs -> {
                    out.put(rs.getLong("app_id") + "/" + rs.getLong("environment_id"), rs.getInt("n"));
                });
        return out;
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
