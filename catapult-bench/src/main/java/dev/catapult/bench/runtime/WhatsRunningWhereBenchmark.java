package dev.catapult.bench.runtime;

import static dev.catapult.bench.BenchRun.say;
import static dev.catapult.bench.BenchRun.seconds;

import dev.catapult.bench.BenchArgs;
import dev.catapult.bench.BenchRun;
import dev.catapult.bench.CatapultClient;
import dev.catapult.bench.LatencyStats;
import dev.catapult.bench.MachineInfo;
import dev.catapult.bench.MarkdownSections;
import dev.catapult.bench.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code whats-running-where} at scale (SPEC §11: 5,000 apps × 10 environments × 1,000,000 runtime events,
 * p99 < 50 ms) and runtime event ingest throughput. Against a fresh server on an external PostgreSQL
 * database (the script creates it empty):
 *
 * <ol>
 *   <li>creates {@code --environments} environments (each listing its own cloud account), {@code --apps} apps
 *       and a {@code webhook} runtime source through the API;
 *   <li>bulk-loads the archive straight into PostgreSQL — for every app × environment, four tasks that ran
 *       and stopped (pending, running, stopped), two that run now (pending, running) and two completed
 *       rollouts (in progress, completed): 20 generic-format events per cell, with the instance and rollout
 *       rows intake derives from them. Loading 1,000,000 events through HTTP would take the run most of an
 *       hour on two cores without measuring anything more; the ingest phase measures that path;
 *   <li>ingest: {@code --ingest-events} signed events through {@code POST /hooks/runtime/{source}} from
 *       {@code --ingest-clients} concurrent senders (new tasks starting and running in random cells, one in
 *       ten stopping with an error exit), measuring per-request latency and events per second;
 *   <li>queries {@code GET /api/v1/whats-running-where} (first page, a random page by cursor, one service,
 *       and 500-app pages), {@code --queries} timed requests per kind after a warm-up, from
 *       {@code --query-clients} concurrent clients, checking every answer's shape.
 * </ol>
 * Writes the "whats-running-where" section of docs/benchmarks.md. Run with {@code bench/run-runtime-bench.sh}.
 */
public final class WhatsRunningWhereBenchmark {
    static final String SECTION = "whats-running-where";
    private static final String SOURCE = "bench-hooks";
    private static final String SECRET = "bench-runtime-hook-secret";
    private static final int EVENTS_PER_CELL = 20;

    private WhatsRunningWhereBenchmark() {}

    record Options(
            Path serverJar,
            String databaseUrl,
            int apps,
            int environments,
            int ingestEvents,
            int ingestClients,
            int queries,
            int queryClients,
            Path output,
            String invokedAs,
            List<String> jvmOptions,
            int readyTimeout) {}

    static final String USAGE = """
      bench/run-runtime-bench.sh [options]
        --database-url URL     PostgreSQL for the server and the bulk load (default jdbc:postgresql://127.0.0.1:5432/catapult_bench_runtime?user=postgres)
        --apps N               apps (default 5000)
        --environments N       environments (default 10); events = apps × environments × 20
        --ingest-events N      events sent through the signed webhook (default 20000)
        --ingest-clients N     concurrent webhook senders (default 8)
        --queries N            timed whats-running-where requests per kind (default 1000)
        --query-clients N      concurrent query clients (default 4)
        --server-jar PATH      (default catapult-server/target/catapult-server.jar)
        --output PATH          (default docs/benchmarks.md)
      """;

    static Options parse(String[] argv) {
        BenchArgs a = BenchArgs.parse(argv);
        Options o = new Options(
                a.serverJar(),
                a.get("database-url", "jdbc:postgresql://127.0.0.1:5432/catapult_bench_runtime?user=postgres"),
                a.integer("apps", 5000),
                a.integer("environments", 10),
                a.integer("ingest-events", 20_000),
                a.integer("ingest-clients", 8),
                a.integer("queries", 1000),
                a.integer("query-clients", 4),
                a.output(),
                a.invokedAs(),
                a.serverJvmOptions(),
                a.readyTimeout());
        a.rejectUnknown();
        BenchArgs.requireServerJar(o.serverJar());
        if (o.apps() < 1 || o.environments() < 1 || o.ingestClients() < 1 || o.queryClients() < 1 || o.queries() < 1) {
            throw new BenchArgs.UsageException("counts must be positive");
        }
        return o;
    }

    public static void main(String[] argv) throws Exception {
        Options o = BenchArgs.parseOrExit(argv, WhatsRunningWhereBenchmark::parse, USAGE);
        Path work = Files.createTempDirectory("catapult-runtime-bench-");
        String token = BenchRun.randomToken();
        MachineInfo machine = MachineInfo.read();
        String loadBefore = MachineInfo.loadAverage();
        ZonedDateTime started = ZonedDateTime.now();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("CATAPULT_DATABASE_URL", o.databaseUrl());
        settings.put("CATAPULT_BENCH_HOOK_SECRET", SECRET);
        try (ServerProcess server = ServerProcess.start(o.serverJar(), o.jvmOptions(), work, token, settings);
                Connection db = DriverManager.getConnection(o.databaseUrl())) {
            Duration startup = server.awaitReady(Duration.ofSeconds(o.readyTimeout()));
            say("server ready at %s after %.1f s", server.baseUri(), seconds(startup));
            try (CatapultClient api = new CatapultClient(server.baseUri(), token)) {
                long t0 = System.nanoTime();
                for (int e = 0; e < o.environments(); e++) {
                    api.createEnvironment(env(e), 10 * (e + 1), List.of(account(e)));
                }
                api.createWebhookRuntimeSource(SOURCE, "CATAPULT_BENCH_HOOK_SECRET");
                parallel(8, o.apps(), i -> {
                    api.createApp(app(i), repository(i));
                    return null;
                });
                say(
                        "created %d environments and %d apps through the API in %.1f s",
                        o.environments(), o.apps(), (System.nanoTime() - t0) / 1e9);

                long l0 = System.nanoTime();
                long events = bulkLoad(db, o);
                double loadSeconds = (System.nanoTime() - l0) / 1e9;
                say("bulk-loaded %,d events in %.1f s", events, loadSeconds);

                Ingest ingest = ingest(api, o);
                say(
                        "ingest: %,d events, %.0f events/s, p50 %.2f ms, p99 %.2f ms",
                        ingest.stats().count(),
                        ingest.perSecond(),
                        ingest.stats().p50(),
                        ingest.stats().p99());
                try (Statement s = db.createStatement()) {
                    // A system that grew to this size over months has long been vacuumed, analysed and checkpointed;
                    // right after a bulk load, autovacuum and the checkpointer would instead compete with the queries.
                    s.execute("vacuum analyze");
                    s.execute("checkpoint");
                }
                Map<String, Long> counts = counts(db);
                say("database: %s", counts);

                List<String> cursors = walk(api, o);
                Map<String, LatencyStats> queries = new LinkedHashMap<>();
                int cells = o.apps() * o.environments();
                for (int clients : o.queryClients() == 1 ? List.of(1) : List.of(1, o.queryClients())) {
                    String by = clients == 1 ? "1 client" : clients + " clients";
                    queries.put(
                            "first page (default `limit=50` entries), " + by,
                            measure(api, o, clients, i -> "/api/v1/whats-running-where", Math.min(50, cells)));
                    queries.put(
                            "random page by cursor (50 entries), " + by,
                            measure(
                                    api,
                                    o,
                                    clients,
                                    i -> "/api/v1/whats-running-where?cursor="
                                            + cursors.get(
                                                    ThreadLocalRandom.current().nextInt(cursors.size())),
                                    -1));
                    queries.put(
                            "one service (`?service=`, " + o.environments() + " entries), " + by,
                            measure(
                                    api,
                                    o,
                                    clients,
                                    i -> "/api/v1/whats-running-where?service="
                                            + app(ThreadLocalRandom.current().nextInt(o.apps())),
                                    o.environments()));
                    queries.put(
                            "largest page (`limit=500` entries), " + by,
                            measure(
                                    api,
                                    o,
                                    clients,
                                    i -> "/api/v1/whats-running-where?limit=500",
                                    Math.min(500, cells)));
                }
                queries.forEach((k, v) -> say("%s: p50 %.2f ms, p99 %.2f ms", k, v.p50(), v.p99()));

                String report = report(
                        o,
                        machine,
                        started,
                        loadBefore,
                        MachineInfo.loadAverage(),
                        events,
                        loadSeconds,
                        ingest,
                        counts,
                        cursors.size() + 1,
                        queries,
                        BenchRun.jarIdentity(o.serverJar()));
                MarkdownSections.replace(o.output(), SECTION, report);
                say("wrote section '%s' of %s", SECTION, o.output());
            }
        }
    }

    static String app(int i) {
        return "app-%05d".formatted(i);
    }

    static String env(int e) {
        return "env-%02d".formatted(e);
    }

    static String account(int e) {
        return "%012d".formatted(100_000_000_000L + e);
    }

    static String repository(int i) {
        return "registry.example.com:5000/team-%02d/%s".formatted(i % 40, app(i));
    }

    /** The archive and the state intake derives from it, one SQL statement per table per block of apps. */
    private static long bulkLoad(Connection db, Options o) throws Exception {
        db.setAutoCommit(false);
        long sourceId;
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select id from runtime_sources where name = '" + SOURCE + "'")) {
            rs.next();
            sourceId = rs.getLong(1);
        }
        // per cell: tasks 0-3 ran and stopped (3 events each), tasks 4-5 run now (2 events each), 2 rollouts × 2 events
        String cells = """
        with cells as (select a.id app_id, a.name app, a.image repo, e.id env_id, e.accounts[1] account
                       from apps a cross join environments e where a.name >= ? and a.name < ?),
        tasks as (select c.*, t, t >= 4 present, 'task/' || c.app || '/' || c.account || '/' || t task_arn,
                         'sha256:' || encode(sha256(convert_to(c.app || (case when t >= 4 then ':2' else ':1' end), 'UTF8')), 'hex') digest,
                         case when t >= 4 then '1.2.0' else '1.1.0' end tag,
                         now() - interval '1 day' * (6 - t) started
                  from cells c cross join generate_series(0, 5) t)
        """;
        String events = cells + """
        , task_events as (select k.*, s.step, (case when s.step = 0 then 'pending' when s.step = 1 then 'running' else 'stopped' end) status
                          from tasks k cross join generate_series(0, 2) s(step) where s.step < 2 or not k.present),
        bodies as (select jsonb_build_object('id', 'bulk-' || task_arn || '-' || step, 'type', 'instance',
                            'time', started + interval '1 minute' * step, 'account', account, 'instance', task_arn, 'service', app,
                            'container', 'app', 'image', repo || ':' || tag, 'digest', digest, 'status', status, 'version', step + 1,
                            'exitCode', case when step = 2 then 143 end, 'stopCode', case when step = 2 then 'ServiceSchedulerInitiated' end) body,
                          'runtime instance' kind, account, started + interval '1 minute' * step received
                   from task_events
                   union all
                   select jsonb_build_object('id', 'bulk-rollout-' || c.app || '-' || c.account || '-' || r || '-' || st, 'type', 'rollout',
                            'time', now() - interval '1 day' * (3 - r) + interval '5 minutes' * st, 'account', c.account,
                            'rollout', 'ecs-svc/' || c.app || '-' || c.account || '-' || r, 'service', c.app,
                            'state', case when st = 0 then 'in_progress' else 'completed' end, 'rollback', false, 'reason', 'bulk'),
                          'runtime rollout', c.account, now() - interval '1 day' * (3 - r) + interval '5 minutes' * st
                   from cells c cross join generate_series(1, 2) r cross join generate_series(0, 1) st)
        insert into runtime_events (source_id, event_id, body_sha256, detail_type, account, body, outcome, received_at)
        select ?, body ->> 'id', encode(sha256(convert_to(body::text, 'UTF8')), 'hex'), kind, account, body,
               'applied: bulk-loaded by the benchmark', received from bodies
        """;
        String instances = cells + """
        insert into instances (source_id, task_arn, account, environment_id, app_id, cluster_arn, service, container, repository, tag,
          digest, status, desired_status, stopped_reason, exit_code, deploy_id, version, started_at, updated_at, first_seen_at)
        select ?, task_arn, account, env_id, app_id, null, app, 'app', repo, tag, digest,
               case when present then 'running' else 'stopped' end, null, null, case when present then null else 143 end, null,
               case when present then 2 else 3 end, started + interval '1 minute', started + interval '1 minute' * (case when present then 1 else 2 end),
               started
        from tasks
        """;
        String rollouts = cells + """
        insert into rollouts (source_id, deployment_id, account, environment_id, service_arn, service, state, rollback, reason, updated_at)
        select ?, 'ecs-svc/' || c.app || '-' || c.account || '-' || r, c.account, c.env_id, c.app, c.app, 'completed', false, 'bulk',
               now() - interval '1 day' * (3 - r) + interval '5 minutes'
        from cells c cross join generate_series(1, 2) r
        """;
        long total = 0;
        int block = 250;
        for (int from = 0; from < o.apps(); from += block) {
            String lo = app(from);
            String hi = from + block >= o.apps() ? "app-99999z" : app(from + block);
            for (String sql : List.of(events, instances, rollouts)) {
                try (PreparedStatement ps = db.prepareStatement(sql)) {
                    ps.setString(1, lo);
                    ps.setString(2, hi);
                    ps.setLong(3, sourceId);
                    int n = ps.executeUpdate();
                    if (sql == events) {
                        total += n;
                    }
                }
            }
            db.commit();
            say("  loaded apps %s .. %s (%,d events so far)", lo, app(Math.min(from + block, o.apps()) - 1), total);
        }
        db.setAutoCommit(true);
        long expected = (long) o.apps() * o.environments() * EVENTS_PER_CELL;
        if (total != expected) {
            throw new IllegalStateException("bulk load wrote " + total + " events, expected " + expected);
        }
        return total;
    }

    record Ingest(LatencyStats stats, double perSecond, int refused) {}

    private static Ingest ingest(CatapultClient api, Options o) throws Exception {
        int n = o.ingestEvents() - o.ingestEvents() % 2;
        long[] nanos = new long[n];
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < o.ingestClients(); c++) {
                clients.add(pool.submit(() -> {
                    for (int pair; (pair = next.getAndIncrement()) < n / 2; ) {
                        int app = ThreadLocalRandom.current().nextInt(o.apps());
                        int env = ThreadLocalRandom.current().nextInt(o.environments());
                        String task = "task/" + app(app) + "/" + account(env) + "/ingest-" + pair;
                        boolean crashes = pair % 10 == 0;
                        for (int step = 0; step < 2; step++) {
                            String status = step == 0 ? "pending" : crashes ? "stopped" : "running";
                            String body = CatapultClient.JSON.writeValueAsString(Map.ofEntries(
                                    Map.entry("id", "ingest-" + pair + "-" + step),
                                    Map.entry("type", "instance"),
                                    Map.entry("time", Instant.now().toString()),
                                    Map.entry("account", account(env)),
                                    Map.entry("instance", task),
                                    Map.entry("service", app(app)),
                                    Map.entry("image", repository(app) + ":1.3.0"),
                                    Map.entry("digest", "sha256:" + sha256(app(app) + ":3")),
                                    Map.entry("status", status),
                                    Map.entry("version", step + 1),
                                    Map.entry("exitCode", crashes && step == 1 ? 1 : 0)));
                            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                            String ts = Long.toString(Instant.now().getEpochSecond());
                            long t0 = System.nanoTime();
                            CatapultClient.Response r = api.postHook(
                                    "/hooks/runtime/" + SOURCE,
                                    bytes,
                                    "X-Catapult-Timestamp",
                                    ts,
                                    "X-Catapult-Signature",
                                    sign(ts, bytes));
                            nanos[pair * 2 + step] = System.nanoTime() - t0;
                            if (r.status() != 202) {
                                refused.incrementAndGet();
                                say("ingest refused (%d): %s", r.status(), r.body());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " ingest requests were not accepted");
        }
        return new Ingest(LatencyStats.of(nanos), n / secs, refused.get());
    }

    /** Walks every page once (checking each), returning the cursors of pages 2…; every cell must appear once, in order. */
    private static List<String> walk(CatapultClient api, Options o) throws Exception {
        List<String> cursors = new ArrayList<>();
        int cells = 0;
        String last = "";
        String cursor = null;
        long t0 = System.nanoTime();
        do {
            CatapultClient.Response r =
                    api.get("/api/v1/whats-running-where" + (cursor == null ? "" : "?cursor=" + cursor));
            JsonNode page = check(r, -1);
            for (JsonNode e : page.get("items")) {
                // env-NN names sort like their ranks, so app + environment name is the list's order
                String key =
                        e.get("app").asString() + "/" + e.get("environment").asString();
                if (key.compareTo(last) <= 0) {
                    throw new IllegalStateException("pages out of order at " + key + " after " + last);
                }
                last = key;
                cells++;
            }
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
            if (cursor != null) {
                cursors.add(cursor);
            }
        } while (cursor != null);
        if (cells != o.apps() * o.environments()) {
            throw new IllegalStateException(
                    "walking every page found " + cells + " entries, expected " + o.apps() * o.environments());
        }
        say("walked %d pages covering %d entries in %.1f s", cursors.size() + 1, cells, (System.nanoTime() - t0) / 1e9);
        return cursors;
    }

    private static LatencyStats measure(
            CatapultClient api, Options o, int clientCount, IntFunction<String> path, int expectedEntries)
            throws Exception {
        for (int i = 0; i < Math.min(200, o.queries()); i++) {
            check(api.get(path.apply(i)), expectedEntries);
        }
        long[] nanos = new long[o.queries()];
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < clientCount; c++) {
                clients.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < o.queries(); ) {
                        String p = path.apply(i);
                        long t0 = System.nanoTime();
                        CatapultClient.Response r = api.get(p);
                        nanos[i] = System.nanoTime() - t0;
                        check(r, expectedEntries);
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        }
        return LatencyStats.of(nanos);
    }

    /** The page, after checking its status and shape (and entry count when known): a wrong answer fails the run. */
    private static JsonNode check(CatapultClient.Response r, int expectedEntries) {
        if (r.status() != 200) {
            throw new IllegalStateException("whats-running-where answered " + r.status() + ": " + r.body());
        }
        JsonNode page = r.json();
        JsonNode items = page.get("items");
        if (expectedEntries >= 0 && items.size() != expectedEntries) {
            throw new IllegalStateException("expected " + expectedEntries + " entries, got " + items.size());
        }
        for (JsonNode e : items) {
            if (e.get("running").asInt() < 2
                    || e.get("versions").isEmpty()
                    || e.get("rollout").isNull()) {
                throw new IllegalStateException("an entry without its running instances or rollout: " + e);
            }
        }
        return page;
    }

    private static Map<String, Long> counts(Connection db) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String q : List.of(
                "runtime_events",
                "instances",
                "instances where status <> 'stopped'",
                "rollouts",
                "instance_exits",
                "apps",
                "environments")) {
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from " + q)) {
                rs.next();
                out.put(q, rs.getLong(1));
            }
        }
        return out;
    }

    private static String report(
            Options o,
            MachineInfo m,
            ZonedDateTime started,
            String loadBefore,
            String loadAfter,
            long events,
            double loadSeconds,
            Ingest ingest,
            Map<String, Long> counts,
            int pages,
            Map<String, LatencyStats> queries,
            String jar) {
        StringBuilder b = new StringBuilder();
        b.append("## What's running where at scale\n\n");
        b.append(
                "Target (SPEC §11): `whats-running-where` with 5,000 apps × 10 environments × 1,000,000 runtime events: p99 < 50 ms.\n\n");
        b.append("| run | |\n|---|---|\n");
        b.append("| when | ").append(started.withNano(0)).append(" |\n");
        b.append("| machine | ")
                .append(m.cpus())
                .append(" × ")
                .append(m.cpuModel())
                .append(", ")
                .append(m.memory())
                .append(", ")
                .append(m.os())
                .append(" |\n");
        b.append("| JDK | ").append(m.jdk()).append(" |\n");
        b.append("| server | ")
                .append(jar)
                .append(", PostgreSQL ")
                .append(o.databaseUrl().replaceAll("\\?.*", ""))
                .append(" (same machine) |\n");
        b.append("| load average before / after | ")
                .append(loadBefore)
                .append(" → ")
                .append(loadAfter)
                .append(" |\n");
        b.append("| command | `")
                .append(o.invokedAs().isBlank() ? "bench/run-runtime-bench.sh" : o.invokedAs())
                .append("` |\n\n");
        b.append("Data: ")
                .append(o.apps())
                .append(" apps × ")
                .append(o.environments())
                .append(" environments; ")
                .append("%,d".formatted(events))
                .append(" generic-format events bulk-loaded into the archive with the state intake derives ")
                .append("from them (%.0f s), then %,d more through the signed webhook. Rows at query time: "
                        .formatted(loadSeconds, ingest.stats().count()));
        List<String> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add("`" + k + "` %,d".formatted(v)));
        b.append(String.join(", ", rows))
                .append(". `VACUUM ANALYZE` and a `CHECKPOINT` before querying (the steady state of a ")
                .append(
                        "database that grew to this size; right after the bulk load, autovacuum and the checkpointer compete with the queries).\n\n");
        b.append(
                        "Ingest through `POST /hooks/runtime/{source}` (HMAC checked, archived, applied, one transaction each), ")
                .append(o.ingestClients())
                .append(" concurrent senders:\n\n");
        b.append("| events | events/s | p50 ms | p90 ms | p99 ms | max ms |\n|---:|---:|---:|---:|---:|---:|\n");
        LatencyStats s = ingest.stats();
        b.append("| %,d | %.0f | %.2f | %.2f | %.2f | %.2f |\n\n"
                .formatted(s.count(), ingest.perSecond(), s.p50(), s.p90(), s.p99(), s.max()));
        b.append("`GET /api/v1/whats-running-where`, ")
                .append(o.queries())
                .append(" timed requests per kind after 200 warm-up requests, ")
                .append("from 1 and from ")
                .append(o.queryClients())
                .append(" concurrent clients (driver, server and PostgreSQL share the machine's cores); ")
                .append("every answer checked (entries, running instances, rollout). ")
                .append("Walking all ")
                .append(pages)
                .append(" pages found every app × environment entry exactly once, in order.\n\n");
        b.append("| request | p50 ms | p90 ms | p99 ms | max ms | mean ms |\n|---|---:|---:|---:|---:|---:|\n");
        queries.forEach((k, v) -> b.append("| %s | %.2f | %.2f | %.2f | %.2f | %.2f |\n"
                .formatted(k, v.p50(), v.p90(), v.p99(), v.max(), v.mean())));
        return b.toString();
    }

    private static String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update(body);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    interface Work {
        @Nullable
        Object run(int i) throws Exception;
    }

    private static void parallel(int threads, int count, Work work) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                all.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        work.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
    }
}
